package org.servicehall.api.payment;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ShiftRefundRecorded(String shiftId,
                                  String cashierId,
                                  String paymentId,
                                  String refundId,
                                  PaymentMethod method,
                                  long amountFen) {
}
