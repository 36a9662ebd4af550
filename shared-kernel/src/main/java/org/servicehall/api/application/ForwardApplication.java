package org.servicehall.api.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The application moves on to the back office or a department. */
public record ForwardApplication(@TargetAggregateIdentifier String applicationId,
                                 String staffId,
                                 String department) {
}
