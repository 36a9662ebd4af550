package org.servicehall.api.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * The clerk checked the documents. If any are missing they are all told to the customer at once, in writing
 * (一次性告知); a second notification for the same application is refused.
 */
public record CheckDocuments(@TargetAggregateIdentifier String applicationId,
                             String staffId,
                             List<String> missingDocuments) {
}
