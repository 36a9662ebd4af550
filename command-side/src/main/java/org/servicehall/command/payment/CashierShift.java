package org.servicehall.command.payment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.payment.CollectFee;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.RefundPayment;
import org.servicehall.api.payment.SettleTill;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.payment.ShiftRefundRecorded;
import org.servicehall.api.payment.TillSettled;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One cashier's shift at the till: the collections and refunds counted into it, by method, and at its end the till
 * settlement (日结) against what the cashier declares. The shift opens with the first collection or refund under a new
 * shift id, belongs to that cashier, and accepts nothing more once settled: the next shift gets a new id.
 * {@link FeeCollection} and {@link Refunding} count money in and out with the payment, in the same unit of work.
 * <p>
 * The till's figures are exact: they are summed without bound, and a collection or refund that would take a
 * method's figure beyond what a settlement records (a {@code long} of fen) is refused, as is a settlement whose
 * difference would not fit one; a wrong figure is never recorded.
 */
@Aggregate
class CashierShift {

    private static final BigInteger LARGEST = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger SMALLEST = BigInteger.valueOf(Long.MIN_VALUE);

    @AggregateIdentifier
    private String shiftId;
    private String cashierId;
    private final Set<String> countedPayments = new HashSet<>();
    private final Set<String> countedRefunds = new HashSet<>();
    private final Map<PaymentMethod, BigInteger> netFen = new EnumMap<>(PaymentMethod.class);
    private boolean settled;

    CashierShift() {
        // for Axon to rebuild the shift from its events, and to open a shift with its first collection or refund
    }

    /** The payment's collection, counted into this shift's till. */
    void count(CollectFee collection) {
        requireOpenTo(collection.shiftId(), collection.staffId());
        if (countedPayments.contains(collection.paymentId())) {
            throw new RuleViolation("payment-already-counted", "Payment " + collection.paymentId()
                    + " was already counted into shift " + shiftId);
        }
        requireRecordable(collection.shiftId(), collection.method(), BigInteger.valueOf(collection.amountFen()));
        apply(new ShiftCollectionRecorded(collection.shiftId(), collection.staffId(), collection.paymentId(),
                                          collection.method(), collection.amountFen()));
    }

    /** The payment's refund, paid out of this shift's till by the method it was paid with. */
    void payOut(RefundPayment refund, PaymentMethod method) {
        requireOpenTo(refund.shiftId(), refund.staffId());
        if (countedRefunds.contains(refund.refundId())) {
            throw new RuleViolation("refund-already-counted", "Refund " + refund.refundId()
                    + " was already paid out of shift " + shiftId);
        }
        requireRecordable(refund.shiftId(), method, BigInteger.valueOf(refund.amountFen()).negate());
        apply(new ShiftRefundRecorded(refund.shiftId(), refund.staffId(), refund.paymentId(), refund.refundId(),
                                      method, refund.amountFen()));
    }

    private void requireRecordable(String shift, PaymentMethod method, BigInteger change) {
        BigInteger after = net(method).add(change);
        if (!fitsLong(after)) {
            throw new RuleViolation("till-figure-out-of-range", "The till of shift " + shift + " would hold "
                    + after + " fen by " + method + ", more than a settlement records (" + Long.MAX_VALUE
                    + " fen either way); settle it and start a new shift id");
        }
    }

    /**
     * Every method appears in the settlement, zero where nothing moved; a method the cashier leaves out is declared
     * as zero. Declared figures are net takings (collections less refunds paid out), so they may be negative.
     */
    @CommandHandler
    void handle(SettleTill command) {
        requireOpenTo(shiftId, command.cashierId());
        Map<PaymentMethod, Long> collected = new EnumMap<>(PaymentMethod.class);
        Map<PaymentMethod, Long> declared = new EnumMap<>(PaymentMethod.class);
        Map<PaymentMethod, Long> difference = new EnumMap<>(PaymentMethod.class);
        for (PaymentMethod method : PaymentMethod.values()) {
            BigInteger collectedFen = net(method);
            long declaredFen = command.declaredFen() == null ? 0L
                    : command.declaredFen().getOrDefault(method, 0L);
            BigInteger differenceFen = BigInteger.valueOf(declaredFen).subtract(collectedFen);
            if (!fitsLong(collectedFen) || !fitsLong(differenceFen)) {
                throw new RuleViolation("settlement-out-of-range", "Shift " + shiftId + " collected "
                        + collectedFen + " fen by " + method + " against " + declaredFen + " fen declared: a "
                        + "difference of " + differenceFen + " fen, more than a settlement records");
            }
            collected.put(method, collectedFen.longValueExact());
            declared.put(method, declaredFen);
            difference.put(method, differenceFen.longValueExact());
        }
        apply(new TillSettled(shiftId, cashierId, collected, declared, difference));
    }

    private BigInteger net(PaymentMethod method) {
        return netFen.getOrDefault(method, BigInteger.ZERO);
    }

    private static boolean fitsLong(BigInteger fen) {
        return fen.compareTo(SMALLEST) >= 0 && fen.compareTo(LARGEST) <= 0;
    }

    private void requireOpenTo(String shift, String cashier) {
        if (settled) {
            throw new RuleViolation("shift-settled", "Shift " + shift + " was settled and accepts nothing more; "
                    + "start a new shift id");
        }
        if (cashierId != null && !cashierId.equals(cashier)) {
            throw new RuleViolation("shift-of-another-cashier", "Shift " + shift + " is cashier " + cashierId
                    + "'s, not " + cashier + "'s");
        }
    }

    @EventSourcingHandler
    void on(ShiftCollectionRecorded event) {
        shiftId = event.shiftId();
        cashierId = event.cashierId();
        countedPayments.add(event.paymentId());
        netFen.merge(event.method(), BigInteger.valueOf(event.amountFen()), BigInteger::add);
    }

    @EventSourcingHandler
    void on(ShiftRefundRecorded event) {
        shiftId = event.shiftId();
        cashierId = event.cashierId();
        countedRefunds.add(event.refundId());
        netFen.merge(event.method(), BigInteger.valueOf(event.amountFen()).negate(), BigInteger::add);
    }

    @EventSourcingHandler
    void on(TillSettled event) {
        settled = true;
    }
}
