package org.servicehall.api.consultation;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

import java.time.Instant;

@Revision("1")
public record WorkOrderCreated(String consultationId,
                               String workOrderId,
                               String staffId,
                               String department,
                               Instant dueAt,
                               @DataSubject String customerId,
                               @PersonalData String description) {
}
