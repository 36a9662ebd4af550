package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The guide greeted the customer at the entrance. */
public record GreetCustomer(@TargetAggregateIdentifier String visitId, String staffId) {
}
