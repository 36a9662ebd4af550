package org.servicehall.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An unsatisfied customer's complaint is handled again; the reply limit starts over. */
public record ReopenComplaint(@TargetAggregateIdentifier String complaintId,
                              String staffId,
                              String reason) {
}
