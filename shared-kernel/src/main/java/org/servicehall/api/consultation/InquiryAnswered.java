package org.servicehall.api.consultation;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

@Revision("1")
public record InquiryAnswered(String consultationId,
                              String staffId,
                              @DataSubject String customerId,
                              @PersonalData String answer) {
}
