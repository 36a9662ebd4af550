package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer is routed again; the reason says whether the first routing was a wrong judgement. */
public record RerouteCustomer(@TargetAggregateIdentifier String visitId,
                              String staffId,
                              RerouteReason reason,
                              Destination destination,
                              String counter,
                              String department) {
}
