package org.servicehall.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The receipt or invoice for a collection was issued. */
public record IssueReceipt(@TargetAggregateIdentifier String paymentId,
                           String staffId,
                           String receiptNumber) {
}
