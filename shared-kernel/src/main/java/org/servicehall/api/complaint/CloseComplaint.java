package org.servicehall.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The complaint is closed, which is only possible after a callback. */
public record CloseComplaint(@TargetAggregateIdentifier String complaintId,
                             String staffId) {
}
