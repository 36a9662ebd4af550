package org.servicehall.api.payment;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ReceiptIssued(String paymentId,
                            String staffId,
                            String receiptNumber) {
}
