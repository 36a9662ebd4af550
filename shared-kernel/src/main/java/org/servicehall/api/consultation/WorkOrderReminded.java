package org.servicehall.api.consultation;

import org.axonframework.serialization.Revision;

/**
 * A member of the hall's staff chased the department (催办). The system itself only warns ({@link WorkOrderDueSoon});
 * it sends nothing to the department, so it records no reminder of its own and every reminder counted is a real one.
 */
@Revision("1")
public record WorkOrderReminded(String consultationId,
                                String workOrderId,
                                String staffId) {
}
