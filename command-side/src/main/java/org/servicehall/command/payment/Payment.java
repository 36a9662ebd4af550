package org.servicehall.command.payment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.payment.CollectFee;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.IssueReceipt;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.ReceiptIssued;
import org.servicehall.api.payment.RefundPayment;
import org.servicehall.api.payment.RequestPayment;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A bill or fee presented to a customer, from the request to its collection, receipt and any refunds. Amounts are in
 * fen. A payment is collected once and in full: a customer who pays part now and part later gets two payments, so
 * every collection has its own receipt and the till adds up per payment.
 * <p>
 * <b>How the cashier's till hears of it.</b> A collection or a refund is decided by the payment and by the cashier's
 * shift ({@link CashierShift}) in one unit of work: {@link FeeCollection} and {@link Refunding} load both and let each
 * apply its rules, so a shift that refuses (settled, another cashier's) refuses the command. Their events go to the
 * event store as one commit when the unit of work commits: both aggregates' or neither's, whichever instance or
 * command got there first (a second cashier collecting the same payment into another shift at the same instant is
 * refused with nothing of it stored). We chose this over the two usual ways:
 * <ul>
 *   <li>A subscribing event handler on {@code FeeCollected} is a second unit of work's business: the shift could
 *   refuse after the payment's event was stored, and the audit would show money the till never saw.</li>
 *   <li>A streaming processor is eventually consistent: a collection into a shift that was settled meanwhile could
 *   only be dropped or parked after the customer had paid, and the till would be short with nobody told.</li>
 * </ul>
 */
@Aggregate
class Payment {

    @AggregateIdentifier
    private String paymentId;
    private String customerId;
    private long requestedFen;
    private boolean collected;
    private PaymentMethod method;
    private long collectedFen;
    private long refundedFen;
    private final Set<String> refundIds = new HashSet<>();
    private String receiptNumber;

    Payment() {
        // for Axon to rebuild the payment from its events
    }

    /** One requested during a visit is opened by {@link PaymentRequesting}, which asks the visit too. */
    Payment(RequestPayment command) {
        requirePositive(command.amountFen(), "A payment");
        if (command.kind() == PaymentKind.ELECTRICITY_BILL
                && (command.accountNumber() == null || command.accountNumber().isBlank())) {
            throw new RuleViolation("account-number-required",
                                    "An electricity bill is paid for an account: the account number (户号) is missing");
        }
        apply(new PaymentRequested(command.paymentId(), command.visitId(), command.hallId(), command.staffId(),
                                   command.kind(), command.amountFen(), command.customerId(),
                                   command.accountNumber()));
    }

    /** Decided with the cashier's shift, which counts it in, by {@link FeeCollection}. */
    void collect(CollectFee command) {
        if (collected) {
            throw new RuleViolation("fee-already-collected", "Payment " + paymentId + " was already collected");
        }
        if (command.amountFen() != requestedFen) {
            throw new RuleViolation("amount-differs-from-requested", "Payment " + paymentId + " asks for "
                    + requestedFen + " fen, not " + command.amountFen() + " fen; a payment is collected in full");
        }
        Long changeFen = change(command);
        apply(new FeeCollected(paymentId, command.staffId(), command.shiftId(), command.method(), command.amountFen(),
                               command.tenderedFen(), changeFen));
    }

    /** Cash gets change for what was handed over; other methods take the exact amount and have neither. */
    private static Long change(CollectFee command) {
        if (command.method() != PaymentMethod.CASH) {
            if (command.tenderedFen() != null) {
                throw new RuleViolation("tendered-only-for-cash", "Only cash is tendered; a " + command.method()
                        + " payment takes the exact amount");
            }
            return null;
        }
        if (command.tenderedFen() == null || command.tenderedFen() < command.amountFen()) {
            throw new RuleViolation("cash-tendered-short", "Cash tendered (" + command.tenderedFen()
                    + " fen) must cover the amount of " + command.amountFen() + " fen");
        }
        return Math.subtractExact(command.tenderedFen(), command.amountFen());
    }

    @CommandHandler
    void handle(IssueReceipt command) {
        requireCollected("a receipt is issued");
        if (receiptNumber != null) {
            throw new RuleViolation("receipt-already-issued", "Payment " + paymentId + " already has receipt "
                    + receiptNumber);
        }
        apply(new ReceiptIssued(paymentId, command.staffId(), command.receiptNumber()));
    }

    /**
     * A refund goes back by the method it was paid with, out of the till of the shift the refunding cashier is on
     * (the collecting shift may be settled by then), which {@link Refunding} decides with it. The authorising
     * supervisor must be someone other than the staff member asking for the refund: the four-eyes rule. Whether that
     * person is a supervisor is for the staff directory to say, which the command side does not hold.
     *
     * @return the method the money goes back by, which the till pays it out in
     */
    PaymentMethod refund(RefundPayment command) {
        requireCollected("it is refunded");
        requirePositive(command.amountFen(), "A refund");
        if (refundIds.contains(command.refundId())) {
            throw new RuleViolation("refund-already-made", "Refund " + command.refundId() + " of payment "
                    + paymentId + " was already made");
        }
        // what is left, not what would be refunded in all: refunded never exceeds collected, a sum could overflow
        long leftFen = collectedFen - refundedFen;
        if (command.amountFen() > leftFen) {
            throw new RuleViolation("refund-exceeds-collected", "Payment " + paymentId + " collected "
                    + collectedFen + " fen and has " + leftFen + " fen left to refund, not "
                    + command.amountFen() + " fen");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("refund-reason-required", "A refund needs a reason");
        }
        if (command.supervisorId() == null || command.supervisorId().equals(command.staffId())) {
            throw new RuleViolation("refund-not-authorised", "A refund is authorised by a supervisor other than "
                    + "the staff member asking for it (" + command.staffId() + ")");
        }
        apply(new PaymentRefunded(paymentId, command.refundId(), command.staffId(), command.supervisorId(),
                                  command.shiftId(), method, command.amountFen(), customerId, command.reason()));
        return method;
    }

    private void requireCollected(String action) {
        if (!collected) {
            throw new RuleViolation("fee-not-collected", "Payment " + paymentId + " must be collected before "
                    + action);
        }
    }

    private static void requirePositive(long amountFen, String what) {
        if (amountFen <= 0) {
            throw new RuleViolation("amount-not-positive", what + " is a positive number of fen, not " + amountFen);
        }
    }

    @EventSourcingHandler
    void on(PaymentRequested event) {
        paymentId = event.paymentId();
        customerId = event.customerId();
        requestedFen = event.amountFen();
    }

    @EventSourcingHandler
    void on(FeeCollected event) {
        collected = true;
        method = event.method();
        collectedFen = event.amountFen();
    }

    @EventSourcingHandler
    void on(ReceiptIssued event) {
        receiptNumber = event.receiptNumber();
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        refundIds.add(event.refundId());
        refundedFen = Math.addExact(refundedFen, event.amountFen());
    }
}
