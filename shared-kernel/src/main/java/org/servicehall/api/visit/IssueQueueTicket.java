package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.servicehall.api.BusinessType;

/** The ticket machine issued a queue number (取号). */
public record IssueQueueTicket(@TargetAggregateIdentifier String visitId,
                               String ticketNumber,
                               BusinessType businessType) {
}
