package org.servicehall.api.consultation;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

@Revision("1")
public record WorkOrderCompleted(String consultationId,
                                 String workOrderId,
                                 String staffId,
                                 String department,
                                 @DataSubject String customerId,
                                 @PersonalData String reply) {
}
