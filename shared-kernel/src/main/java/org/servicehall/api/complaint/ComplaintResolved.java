package org.servicehall.api.complaint;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

import java.time.Instant;

@Revision("1")
public record ComplaintResolved(String complaintId,
                                String staffId,
                                @DataSubject String customerId,
                                @PersonalData String resolution,
                                Instant callbackDueAt) {
}
