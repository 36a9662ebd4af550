package org.servicehall.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What cannot be answered on the spot becomes a work order (工单) routed to a department with a due time. */
public record CreateWorkOrder(@TargetAggregateIdentifier String consultationId,
                              String workOrderId,
                              String staffId,
                              String department,
                              Instant dueAt,
                              String description) {
}
