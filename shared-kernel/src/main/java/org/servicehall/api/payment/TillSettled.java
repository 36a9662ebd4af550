package org.servicehall.api.payment;

import org.axonframework.serialization.Revision;

import java.util.Map;

/**
 * The shift's till settlement: what the events say was collected (net of refunds) against what the cashier
 * declared, by method; a difference is declared minus collected.
 */
@Revision("1")
public record TillSettled(String shiftId,
                          String cashierId,
                          Map<PaymentMethod, Long> collectedFen,
                          Map<PaymentMethod, Long> declaredFen,
                          Map<PaymentMethod, Long> differenceFen) {
}
