package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer is leaving the hall and is seen off; the visit accepts nothing more afterwards. */
public record SeeOffCustomer(@TargetAggregateIdentifier String visitId, String staffId) {
}
