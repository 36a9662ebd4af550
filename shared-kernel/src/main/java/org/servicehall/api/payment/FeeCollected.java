package org.servicehall.api.payment;

import org.axonframework.serialization.Revision;

@Revision("1")
public record FeeCollected(String paymentId,
                           String staffId,
                           String shiftId,
                           PaymentMethod method,
                           long amountFen,
                           Long tenderedFen,
                           Long changeFen) {
}
