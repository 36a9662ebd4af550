package org.servicehall.command.payment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.RecordShiftCollection;
import org.servicehall.api.payment.RecordShiftRefund;
import org.servicehall.api.payment.SettleTill;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.payment.ShiftRefundRecorded;
import org.servicehall.api.payment.TillSettled;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One cashier's shift at the till: the collections and refunds counted into it, by method, and at its end the till
 * settlement (日结) against what the cashier declares. The shift opens with the first collection or refund under a new
 * shift id, belongs to that cashier, and accepts nothing more once settled: the next shift gets a new id.
 * {@link Payment} feeds it, in the same unit of work as its own events.
 */
@Aggregate
class CashierShift {

    @AggregateIdentifier
    private String shiftId;
    private String cashierId;
    private final Set<String> countedPayments = new HashSet<>();
    private final Set<String> countedRefunds = new HashSet<>();
    private final Map<PaymentMethod, Long> netFen = new EnumMap<>(PaymentMethod.class);
    private boolean settled;

    CashierShift() {
        // for Axon to rebuild the shift from its events, and to open a shift with its first collection or refund
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordShiftCollection command) {
        requireOpenTo(command.shiftId(), command.cashierId());
        if (countedPayments.contains(command.paymentId())) {
            throw new RuleViolation("payment-already-counted", "Payment " + command.paymentId()
                    + " was already counted into shift " + shiftId);
        }
        apply(new ShiftCollectionRecorded(command.shiftId(), command.cashierId(), command.paymentId(),
                                          command.method(), command.amountFen()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordShiftRefund command) {
        requireOpenTo(command.shiftId(), command.cashierId());
        if (countedRefunds.contains(command.refundId())) {
            throw new RuleViolation("refund-already-counted", "Refund " + command.refundId()
                    + " was already paid out of shift " + shiftId);
        }
        apply(new ShiftRefundRecorded(command.shiftId(), command.cashierId(), command.paymentId(),
                                      command.refundId(), command.method(), command.amountFen()));
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
            long collectedFen = netFen.getOrDefault(method, 0L);
            long declaredFen = command.declaredFen() == null ? 0L
                    : command.declaredFen().getOrDefault(method, 0L);
            collected.put(method, collectedFen);
            declared.put(method, declaredFen);
            difference.put(method, declaredFen - collectedFen);
        }
        apply(new TillSettled(shiftId, cashierId, collected, declared, difference));
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
        netFen.merge(event.method(), event.amountFen(), Long::sum);
    }

    @EventSourcingHandler
    void on(ShiftRefundRecorded event) {
        shiftId = event.shiftId();
        cashierId = event.cashierId();
        countedRefunds.add(event.refundId());
        netFen.merge(event.method(), -event.amountFen(), Long::sum);
    }

    @EventSourcingHandler
    void on(TillSettled event) {
        settled = true;
    }
}
