package org.servicehall.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The cashier collected the fee during their shift. For cash, {@code tenderedFen} is what the customer handed
 * over; the change is computed.
 */
public record CollectFee(@TargetAggregateIdentifier String paymentId,
                         String staffId,
                         String shiftId,
                         PaymentMethod method,
                         long amountFen,
                         Long tenderedFen) {
}
