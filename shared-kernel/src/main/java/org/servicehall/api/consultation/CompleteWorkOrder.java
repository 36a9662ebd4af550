package org.servicehall.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The department finished the work order; {@code reply} is its answer. */
public record CompleteWorkOrder(@TargetAggregateIdentifier String consultationId,
                                String workOrderId,
                                String staffId,
                                String reply) {
}
