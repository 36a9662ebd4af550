package org.servicehall.api.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer withdrew the application. */
public record WithdrawApplication(@TargetAggregateIdentifier String applicationId,
                                  String staffId,
                                  String reason) {
}
