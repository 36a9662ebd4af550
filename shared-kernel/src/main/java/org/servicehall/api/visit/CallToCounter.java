package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A counter called the customer: waiting ends, service begins. */
public record CallToCounter(@TargetAggregateIdentifier String visitId,
                            String staffId,
                            String counter,
                            String ticketNumber) {
}
