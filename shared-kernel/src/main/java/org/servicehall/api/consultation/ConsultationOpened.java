package org.servicehall.api.consultation;

import org.axonframework.serialization.Revision;
import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

@Revision("1")
public record ConsultationOpened(String consultationId,
                                 String visitId,
                                 String hallId,
                                 String staffId,
                                 Channel channel,
                                 BusinessType topic,
                                 @DataSubject String customerId,
                                 @PersonalData String callerName,
                                 @PersonalData String callerPhone,
                                 @PersonalData String question) {
}
