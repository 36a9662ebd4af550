package org.servicehall.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** At the end of a shift the cashier declares what the till holds, by method (日结). */
public record SettleTill(@TargetAggregateIdentifier String shiftId,
                         String cashierId,
                         Map<PaymentMethod, Long> declaredFen) {
}
