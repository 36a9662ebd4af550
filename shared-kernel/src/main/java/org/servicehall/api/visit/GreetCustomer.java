package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The guide greeted the customer at the entrance, with the facts the greeting rules ask about: on a rainy day the
 * umbrella stand is pointed out; on a wet floor the caution sign is out and the customer warned.
 */
public record GreetCustomer(@TargetAggregateIdentifier String visitId,
                            String staffId,
                            boolean rainy,
                            boolean umbrellaStandShown,
                            boolean wetFloor,
                            boolean wetFloorSignShown) {
}
