package org.servicehall.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The hall chased the department about an open work order (催办). */
public record RemindWorkOrder(@TargetAggregateIdentifier String consultationId,
                              String workOrderId,
                              String staffId) {
}
