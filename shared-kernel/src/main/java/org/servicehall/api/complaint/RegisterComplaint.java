package org.servicehall.api.complaint;

import org.servicehall.api.Channel;

/** A complaint, report or opinion is registered. Only reports may be anonymous (no name or phone). */
public record RegisterComplaint(String complaintId,
                                String visitId,
                                String hallId,
                                String staffId,
                                ComplaintKind kind,
                                ComplaintClass complaintClass,
                                Channel channel,
                                boolean anonymous,
                                String customerId,
                                String complainantName,
                                String complainantPhone,
                                String description) {
}
