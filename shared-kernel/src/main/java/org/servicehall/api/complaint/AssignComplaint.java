package org.servicehall.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The complaint is assigned to a department and a handler. */
public record AssignComplaint(@TargetAggregateIdentifier String complaintId,
                              String staffId,
                              String department,
                              String handlerId) {
}
