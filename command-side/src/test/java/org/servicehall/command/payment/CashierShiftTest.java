package org.servicehall.command.payment;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.payment.CollectFee;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.RefundPayment;
import org.servicehall.api.payment.SettleTill;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.payment.ShiftRefundRecorded;
import org.servicehall.api.payment.TillSettled;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.api.payment.PaymentMethod.BANK_CARD;
import static org.servicehall.api.payment.PaymentMethod.BANK_TRANSFER;
import static org.servicehall.api.payment.PaymentMethod.CASH;
import static org.servicehall.api.payment.PaymentMethod.QR_CODE;
import static org.servicehall.command.Rules.violated;

/**
 * The shift's rules, with the payments it counts in and pays out of decided alongside by {@link FeeCollection} and
 * {@link Refunding} (the payments live in a store of their own here, see {@link SideStore}).
 */
class CashierShiftTest {

    private static final ShiftCollectionRecorded CASH_IN = new ShiftCollectionRecorded("s-1", "cashier-5", "p-1",
                                                                                       CASH, 12_345);
    private static final ShiftCollectionRecorded CARD_IN = new ShiftCollectionRecorded("s-1", "cashier-5", "p-2",
                                                                                       BANK_CARD, 50_000);
    private static final ShiftRefundRecorded CASH_OUT = new ShiftRefundRecorded("s-1", "cashier-5", "p-0", "r-1",
                                                                                CASH, 2_000);
    private static final TillSettled SETTLED = new TillSettled("s-1", "cashier-5", byMethod(0, 0, 0, 0),
                                                               byMethod(0, 0, 0, 0), byMethod(0, 0, 0, 0));

    private static final CollectFee COLLECT_P1 = new CollectFee("p-1", "cashier-5", "s-1", CASH, 12_345, 12_345L);
    private static final CollectFee COLLECT_P2 = new CollectFee("p-2", "cashier-5", "s-1", BANK_CARD, 50_000, null);
    private static final RefundPayment REFUND_P0 = refund("cashier-5", 2_000);

    private AggregateTestFixture<CashierShift> fixture;
    private final SideStore<Payment> payments = new SideStore<>(Payment.class);

    @BeforeEach
    void setUp() {
        payments.given("p-0", requested("p-0", 2_000), new FeeCollected("p-0", "cashier-4", "s-0", CASH, 2_000,
                                                                          2_000L, 0L))
                .given("p-1", requested("p-1", 12_345))
                .given("p-2", requested("p-2", 50_000))
                .given("p-3", requested("p-3", 100))
                .given("p-max-1", requested("p-max-1", Long.MAX_VALUE))
                .given("p-max-2", requested("p-max-2", Long.MAX_VALUE));
        fixture = new AggregateTestFixture<>(CashierShift.class);
        fixture.registerAnnotatedCommandHandler(new FeeCollection(payments.repository, fixture.getRepository()));
        fixture.registerAnnotatedCommandHandler(new Refunding(payments.repository, fixture.getRepository()));
    }

    private static PaymentRequested requested(String paymentId, long amountFen) {
        return new PaymentRequested(paymentId, null, "hall-1", "clerk-2", PaymentKind.BUSINESS_FEE, amountFen, "c-1",
                                    null);
    }

    private static RefundPayment refund(String cashierId, long amountFen) {
        return new RefundPayment("p-0", "r-1", cashierId, "supervisor-1", "s-1", amountFen, "billed twice");
    }

    private static Map<PaymentMethod, Long> byMethod(long cash, long card, long qr, long transfer) {
        Map<PaymentMethod, Long> result = new EnumMap<>(PaymentMethod.class);
        result.put(CASH, cash);
        result.put(BANK_CARD, card);
        result.put(QR_CODE, qr);
        result.put(BANK_TRANSFER, transfer);
        return result;
    }

    @Test
    void theFirstCollectionOpensTheShift() {
        fixture.givenNoPriorActivity()
               .when(COLLECT_P1)
               .expectEvents(CASH_IN);
        assertThat(payments.events("p-1")).last().isInstanceOf(FeeCollected.class);
    }

    @Test
    void aRefundMayOpenTheShiftToo() {
        fixture.givenNoPriorActivity()
               .when(REFUND_P0)
               .expectEvents(CASH_OUT);
    }

    @Test
    void laterCollectionsAndRefundsAreCountedIn() {
        fixture.given(CASH_IN)
               .when(COLLECT_P2)
               .expectEvents(CARD_IN);
        fixture.given(CASH_IN)
               .when(REFUND_P0)
               .expectEvents(CASH_OUT);
    }

    @Test
    void aPaymentIsCountedOnce() {
        fixture.given(CASH_IN)
               .when(COLLECT_P1)
               .expectException(violated("payment-already-counted"))
               .expectExceptionMessage("Payment p-1 was already counted into shift s-1")
               .expectNoEvents();
    }

    @Test
    void aRefundIsPaidOutOnce() {
        fixture.given(CASH_IN, CASH_OUT)
               .when(REFUND_P0)
               .expectException(violated("refund-already-counted"))
               .expectExceptionMessage("Refund r-1 was already paid out of shift s-1")
               .expectNoEvents();
    }

    @Test
    void aShiftBelongsToOneCashier() {
        fixture.given(CASH_IN)
               .when(new CollectFee("p-3", "cashier-6", "s-1", CASH, 100, 100L))
               .expectException(violated("shift-of-another-cashier"))
               .expectExceptionMessage("Shift s-1 is cashier cashier-5's, not cashier-6's")
               .expectNoEvents();
        fixture.given(CASH_IN)
               .when(refund("cashier-6", 100))
               .expectException(violated("shift-of-another-cashier"))
               .expectNoEvents();
        fixture.given(CASH_IN)
               .when(new SettleTill("s-1", "cashier-6", Map.of(CASH, 12_345L)))
               .expectException(violated("shift-of-another-cashier"))
               .expectNoEvents();
    }

    @Test
    void theTillIsSettledByMethodNetOfRefundsAgainstTheDeclaration() {
        fixture.given(CASH_IN, CARD_IN, CASH_OUT)
               .when(new SettleTill("s-1", "cashier-5", Map.of(CASH, 10_300L, BANK_CARD, 50_000L)))
               .expectEvents(new TillSettled("s-1", "cashier-5", byMethod(10_345, 50_000, 0, 0),
                                             byMethod(10_300, 50_000, 0, 0), byMethod(-45, 0, 0, 0)));
    }

    @Test
    void aShiftThatWasNeverOpenedHasNothingToSettle() {
        fixture.givenNoPriorActivity()
               .when(new SettleTill("s-9", "cashier-5", Map.of()))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }

    @Test
    void aSettledShiftAcceptsNothingMore() {
        fixture.given(CASH_IN, SETTLED)
               .when(new CollectFee("p-3", "cashier-5", "s-1", CASH, 100, 100L))
               .expectException(violated("shift-settled"))
               .expectExceptionMessage("Shift s-1 was settled and accepts nothing more; start a new shift id")
               .expectNoEvents();
        fixture.given(CASH_IN, SETTLED)
               .when(refund("cashier-5", 100))
               .expectException(violated("shift-settled"))
               .expectNoEvents();
        fixture.given(CASH_IN, SETTLED)
               .when(new SettleTill("s-1", "cashier-5", Map.of()))
               .expectException(violated("shift-settled"))
               .expectNoEvents();
        assertThat(payments.events("p-3")).as("nor anything of the payment").hasSize(1);
    }

    // ------------------------------------------------------------------ figures a till cannot hold

    /** The case: two payments of 9223372036854775807 fen wrapped the shift's total to -2. */
    @Test
    void aSecondPaymentOfTheLargestLongIsNotCountedIntoATillThatCannotHoldIt() {
        fixture.given(new ShiftCollectionRecorded("s-1", "cashier-5", "p-max-1", QR_CODE, Long.MAX_VALUE))
               .when(new CollectFee("p-max-2", "cashier-5", "s-1", QR_CODE, Long.MAX_VALUE, null))
               .expectException(violated("till-figure-out-of-range"))
               .expectExceptionMessage("The till of shift s-1 would hold 18446744073709551614 fen by QR_CODE, more "
                                               + "than a settlement records (9223372036854775807 fen either way); "
                                               + "settle it and start a new shift id")
               .expectNoEvents();
        assertThat(payments.events("p-max-2")).as("nor the payment's collection").hasSize(1);
    }

    /** A till that wrapped under the previous version is summed exactly, and not settled with a wrapped figure. */
    @Test
    void aTillWhoseTakingsOutgrewWhatASettlementRecordsIsNotSettledWithAWrongFigure() {
        fixture.given(new ShiftCollectionRecorded("s-1", "cashier-5", "p-max-1", CASH, Long.MAX_VALUE),
                      new ShiftCollectionRecorded("s-1", "cashier-5", "p-max-2", CASH, Long.MAX_VALUE))
               .when(new SettleTill("s-1", "cashier-5", Map.of(CASH, 0L)))
               .expectException(violated("settlement-out-of-range"))
               .expectExceptionMessage("Shift s-1 collected 18446744073709551614 fen by CASH against 0 fen declared: "
                                               + "a difference of -18446744073709551614 fen, more than a settlement "
                                               + "records")
               .expectNoEvents();
    }

    @Test
    void aSettlementDifferenceIsExactOrRefused() {
        ShiftRefundRecorded largestRefund = new ShiftRefundRecorded("s-1", "cashier-5", "p-0", "r-1", CASH,
                                                                    Long.MAX_VALUE);
        fixture.given(largestRefund)
               .when(new SettleTill("s-1", "cashier-5", Map.of(CASH, Long.MAX_VALUE)))
               .expectException(violated("settlement-out-of-range"))
               .expectNoEvents();
        fixture.given(largestRefund)
               .when(new SettleTill("s-1", "cashier-5", Map.of(CASH, -1L)))
               .expectEvents(new TillSettled("s-1", "cashier-5", byMethod(-Long.MAX_VALUE, 0, 0, 0),
                                             byMethod(-1, 0, 0, 0), byMethod(Long.MAX_VALUE - 1, 0, 0, 0)));
    }
}
