package org.servicehall.api.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The business is done. */
public record CompleteApplication(@TargetAggregateIdentifier String applicationId,
                                  String staffId) {
}
