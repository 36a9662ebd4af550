package org.servicehall.api.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The application was rejected; the reason is told to the customer. */
public record RejectApplication(@TargetAggregateIdentifier String applicationId,
                                String staffId,
                                String reason) {
}
