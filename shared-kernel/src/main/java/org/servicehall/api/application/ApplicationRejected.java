package org.servicehall.api.application;

import org.axonframework.serialization.Revision;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

@Revision("1")
public record ApplicationRejected(String applicationId,
                                  String staffId,
                                  @DataSubject String customerId,
                                  @PersonalData String reason) {
}
