package org.servicehall.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A collection counted into the cashier's shift (sent by the command side itself when a fee is collected). */
public record RecordShiftCollection(@TargetAggregateIdentifier String shiftId,
                                    String cashierId,
                                    String paymentId,
                                    PaymentMethod method,
                                    long amountFen) {
}
