package org.servicehall.api.application;

import org.axonframework.serialization.Revision;
import org.servicehall.api.BusinessType;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

@Revision("1")
public record ApplicationSubmitted(String applicationId,
                                   String visitId,
                                   String hallId,
                                   String staffId,
                                   BusinessType type,
                                   @DataSubject String customerId,
                                   @PersonalData String applicantName,
                                   @PersonalData String applicantPhone,
                                   @PersonalData String accountNumber) {
}
