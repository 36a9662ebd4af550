package org.servicehall.api.payment;

/** Query: one payment with its collections and refunds. */
public record FindPayment(String paymentId) {
}
