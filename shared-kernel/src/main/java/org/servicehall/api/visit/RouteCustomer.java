package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The guide sends the customer somewhere: {@code counter} is required for COUNTER, {@code department} for
 * OTHER_DEPARTMENT.
 */
public record RouteCustomer(@TargetAggregateIdentifier String visitId,
                            String staffId,
                            Destination destination,
                            String counter,
                            String department) {
}
