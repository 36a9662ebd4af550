package org.servicehall.api.complaint;

import org.axonframework.serialization.Revision;
import org.servicehall.api.Channel;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

import java.time.Instant;

@Revision("1")
public record ComplaintRegistered(String complaintId,
                                  String visitId,
                                  String hallId,
                                  String staffId,
                                  ComplaintKind kind,
                                  ComplaintClass complaintClass,
                                  Channel channel,
                                  boolean anonymous,
                                  @DataSubject String customerId,
                                  @PersonalData String complainantName,
                                  @PersonalData String complainantPhone,
                                  @PersonalData String description,
                                  Instant firstContactDueAt,
                                  Instant replyDueAt) {
}
