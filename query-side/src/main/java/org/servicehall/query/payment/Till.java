package org.servicehall.query.payment;

import org.servicehall.api.payment.PaymentMethod;

import java.math.BigInteger;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A shift's till as a supervisor reads it: what the events say it took in and paid out, and the settlement.
 *
 * @param totals     collected, refunded and net, by method, from the shift's events
 * @param settlement what the cashier declared against what was collected (net), and the differences; none while open
 */
record Till(String shiftId,
            String cashierId,
            Status status,
            Instant firstActivityAt,
            Instant lastActivityAt,
            int collections,
            int refunds,
            MethodTotals totals,
            ShiftView.Settlement settlement) {

    enum Status {
        OPEN,
        SETTLED
    }

    static Till of(ShiftView shift) {
        return new Till(shift.id(), shift.cashierId(), shift.settlement() == null ? Status.OPEN : Status.SETTLED,
                        shift.firstActivityAt(), shift.lastActivityAt(), shift.collections(), shift.refunds(),
                        MethodTotals.of(exact(shift.collectedFen()), exact(shift.refundedFen())),
                        shift.settlement());
    }

    private static Map<PaymentMethod, BigInteger> exact(Map<PaymentMethod, Long> amounts) {
        Map<PaymentMethod, BigInteger> result = new EnumMap<>(PaymentMethod.class);
        amounts.forEach((method, fen) -> MethodTotals.add(result, method, fen));
        return result;
    }
}
