package org.servicehall.api.consultation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A work order passed its due time still open. */
@Revision("1")
public record WorkOrderOverdue(String consultationId,
                               String workOrderId,
                               Instant dueAt) {
}
