package org.servicehall.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A refund paid out of the cashier's shift (sent by the command side itself). */
public record RecordShiftRefund(@TargetAggregateIdentifier String shiftId,
                                String cashierId,
                                String paymentId,
                                String refundId,
                                PaymentMethod method,
                                long amountFen) {
}
