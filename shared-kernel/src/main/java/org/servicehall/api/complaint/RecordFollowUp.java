package org.servicehall.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Progress on the complaint. */
public record RecordFollowUp(@TargetAggregateIdentifier String complaintId,
                             String staffId,
                             String note) {
}
