package org.servicehall.api.payment;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ShiftCollectionRecorded(String shiftId,
                                      String cashierId,
                                      String paymentId,
                                      PaymentMethod method,
                                      long amountFen) {
}
