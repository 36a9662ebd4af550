package org.servicehall.api.payment;

/** A bill or fee is presented to the customer at the counter, in fen. */
public record RequestPayment(String paymentId,
                             String visitId,
                             String hallId,
                             String staffId,
                             PaymentKind kind,
                             long amountFen,
                             String customerId,
                             String accountNumber) {
}
