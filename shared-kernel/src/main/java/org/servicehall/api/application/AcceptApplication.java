package org.servicehall.api.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The application is accepted with its application number and the completion date promised to the customer. */
public record AcceptApplication(@TargetAggregateIdentifier String applicationId,
                                String staffId,
                                String applicationNumber,
                                LocalDate promisedCompletionDate) {
}
