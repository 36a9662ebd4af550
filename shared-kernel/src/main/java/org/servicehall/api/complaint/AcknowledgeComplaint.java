package org.servicehall.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The complainant was contacted: the first-contact limit is met. */
public record AcknowledgeComplaint(@TargetAggregateIdentifier String complaintId,
                                   String staffId) {
}
