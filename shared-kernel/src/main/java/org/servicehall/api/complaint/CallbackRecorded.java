package org.servicehall.api.complaint;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

@Revision("1")
public record CallbackRecorded(String complaintId,
                               String staffId,
                               Satisfaction satisfaction,
                               @DataSubject String customerId,
                               @PersonalData String note) {
}
