package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer left without being served. The visit accepts nothing more afterwards. */
public record RecordWalkOut(@TargetAggregateIdentifier String visitId,
                            String staffId) {
}
