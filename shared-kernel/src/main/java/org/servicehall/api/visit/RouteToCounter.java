package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The guide sent the customer to a numbered counter. */
public record RouteToCounter(@TargetAggregateIdentifier String visitId, String staffId, String counter) {
}
