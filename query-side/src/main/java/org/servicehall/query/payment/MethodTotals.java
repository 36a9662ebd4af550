package org.servicehall.query.payment;

import org.servicehall.api.payment.PaymentMethod;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Money by payment method, in fen: what was collected, what was refunded, and the net (collected minus refunded),
 * with their sums over all methods.
 */
record MethodTotals(Map<PaymentMethod, Long> collectedFen,
                    Map<PaymentMethod, Long> refundedFen,
                    Map<PaymentMethod, Long> netFen,
                    long totalCollectedFen,
                    long totalRefundedFen,
                    long totalNetFen) {

    static MethodTotals of(Map<PaymentMethod, Long> collected, Map<PaymentMethod, Long> refunded) {
        Map<PaymentMethod, Long> net = new EnumMap<>(PaymentMethod.class);
        collected.forEach((method, amount) -> net.merge(method, amount, Long::sum));
        refunded.forEach((method, amount) -> net.merge(method, -amount, Long::sum));
        return new MethodTotals(sorted(collected), sorted(refunded), net, sum(collected), sum(refunded), sum(net));
    }

    private static Map<PaymentMethod, Long> sorted(Map<PaymentMethod, Long> amounts) {
        return amounts.isEmpty() ? Collections.emptyMap() : new EnumMap<>(amounts);
    }

    private static long sum(Map<PaymentMethod, Long> amounts) {
        return amounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
