package org.servicehall.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Money is given back, authorised by a supervisor; never more than was collected, and never twice for the same
 * refund. It is paid out of the till of {@code shiftId}, the refunding cashier's current shift (the shift that
 * collected the payment may be settled by then).
 */
public record RefundPayment(@TargetAggregateIdentifier String paymentId,
                            String refundId,
                            String staffId,
                            String supervisorId,
                            String shiftId,
                            long amountFen,
                            String reason) {
}
