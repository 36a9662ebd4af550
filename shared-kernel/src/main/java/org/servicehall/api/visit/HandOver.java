package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The guide handed the customer over to where they were routed (back office or another department). When nobody
 * could be reached the customer's contact details are recorded, and an appointment must follow before the see-off.
 */
public record HandOver(@TargetAggregateIdentifier String visitId,
                       String staffId,
                       HandOverMethod method,
                       boolean reached,
                       String customerId,
                       String contactName,
                       String contactPhone) {
}
