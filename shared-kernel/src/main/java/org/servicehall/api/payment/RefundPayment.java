package org.servicehall.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Money is given back, authorised by a supervisor; never more than was collected, and never twice for the same
 * refund.
 */
public record RefundPayment(@TargetAggregateIdentifier String paymentId,
                            String refundId,
                            String staffId,
                            String supervisorId,
                            long amountFen,
                            String reason) {
}
