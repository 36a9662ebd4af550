package org.servicehall.api.consultation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A work order is close to its due time and still open. */
@Revision("1")
public record WorkOrderDueSoon(String consultationId,
                               String workOrderId,
                               Instant dueAt) {
}
