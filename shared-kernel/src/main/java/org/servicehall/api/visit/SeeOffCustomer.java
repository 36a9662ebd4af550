package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The customer leaves the hall and is seen off, reminded to take their belongings. The visit accepts nothing more
 * afterwards.
 */
public record SeeOffCustomer(@TargetAggregateIdentifier String visitId,
                             String staffId,
                             boolean belongingsReminded) {
}
