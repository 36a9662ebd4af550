package org.servicehall.query.payment;

import java.time.Instant;

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
                        MethodTotals.of(shift.collectedFen(), shift.refundedFen()), shift.settlement());
    }
}
