package org.servicehall.query.payment;

import java.time.LocalDate;
import java.util.List;

/**
 * The money cashiers moved on one day, by cashier, with the totals over them.
 *
 * @param hallId    the hall asked for, if one was
 * @param cashierId the cashier asked for, if one was
 */
record PaymentDay(LocalDate day, String hallId, String cashierId, MethodTotals totals, List<Cashier> cashiers) {

    /**
     * @param movements every collection and refund, in the order they happened
     * @param shiftIds  the shifts the cashier worked that day, whose tills {@code /api/shifts/{id}} shows
     */
    record Cashier(String cashierId, MethodTotals totals, List<CashierDay.Movement> movements,
                   List<String> shiftIds) {
    }
}
