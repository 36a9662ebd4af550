package org.servicehall.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer was called back (回访) and said how satisfied they are. */
public record RecordCallback(@TargetAggregateIdentifier String complaintId,
                             String staffId,
                             Satisfaction satisfaction,
                             String note) {
}
