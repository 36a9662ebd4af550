package org.servicehall.query.payment;

import org.servicehall.api.payment.PaymentMethod;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Money by payment method, in fen: what was collected, what was refunded, and the net (collected minus refunded),
 * with their sums over all methods. Summed exactly, however many movements (a hall's day, a busy till) add up.
 */
record MethodTotals(Map<PaymentMethod, BigInteger> collectedFen,
                    Map<PaymentMethod, BigInteger> refundedFen,
                    Map<PaymentMethod, BigInteger> netFen,
                    BigInteger totalCollectedFen,
                    BigInteger totalRefundedFen,
                    BigInteger totalNetFen) {

    static MethodTotals of(Map<PaymentMethod, BigInteger> collected, Map<PaymentMethod, BigInteger> refunded) {
        Map<PaymentMethod, BigInteger> net = new EnumMap<>(PaymentMethod.class);
        collected.forEach((method, amount) -> net.merge(method, amount, BigInteger::add));
        refunded.forEach((method, amount) -> net.merge(method, amount.negate(), BigInteger::add));
        return new MethodTotals(sorted(collected), sorted(refunded), net, sum(collected), sum(refunded), sum(net));
    }

    /** Adds {@code fen} to {@code method}'s figure in {@code amounts}. */
    static void add(Map<PaymentMethod, BigInteger> amounts, PaymentMethod method, long fen) {
        amounts.merge(method, BigInteger.valueOf(fen), BigInteger::add);
    }

    private static Map<PaymentMethod, BigInteger> sorted(Map<PaymentMethod, BigInteger> amounts) {
        return amounts.isEmpty() ? Collections.emptyMap() : new EnumMap<>(amounts);
    }

    private static BigInteger sum(Map<PaymentMethod, BigInteger> amounts) {
        return amounts.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }
}
