package org.servicehall.api.consultation;

import org.axonframework.serialization.Revision;

/** Someone chased the department (催办); {@code staffId} is null when the hall's reminder deadline did it. */
@Revision("1")
public record WorkOrderReminded(String consultationId,
                                String workOrderId,
                                String staffId) {
}
