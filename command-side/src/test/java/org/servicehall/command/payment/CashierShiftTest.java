package org.servicehall.command.payment;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.RecordShiftCollection;
import org.servicehall.api.payment.RecordShiftRefund;
import org.servicehall.api.payment.SettleTill;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.payment.ShiftRefundRecorded;
import org.servicehall.api.payment.TillSettled;

import java.util.EnumMap;
import java.util.Map;

import static org.servicehall.api.payment.PaymentMethod.BANK_CARD;
import static org.servicehall.api.payment.PaymentMethod.BANK_TRANSFER;
import static org.servicehall.api.payment.PaymentMethod.CASH;
import static org.servicehall.api.payment.PaymentMethod.QR_CODE;
import static org.servicehall.command.Rules.violated;

class CashierShiftTest {

    private static final ShiftCollectionRecorded CASH_IN = new ShiftCollectionRecorded("s-1", "cashier-5", "p-1",
                                                                                       CASH, 12_345);
    private static final ShiftCollectionRecorded CARD_IN = new ShiftCollectionRecorded("s-1", "cashier-5", "p-2",
                                                                                       BANK_CARD, 50_000);
    private static final ShiftRefundRecorded CASH_OUT = new ShiftRefundRecorded("s-1", "cashier-5", "p-0", "r-1",
                                                                                CASH, 2_000);
    private static final TillSettled SETTLED = new TillSettled("s-1", "cashier-5", byMethod(0, 0, 0, 0),
                                                               byMethod(0, 0, 0, 0), byMethod(0, 0, 0, 0));

    private AggregateTestFixture<CashierShift> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CashierShift.class);
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
               .when(new RecordShiftCollection("s-1", "cashier-5", "p-1", CASH, 12_345))
               .expectEvents(CASH_IN);
    }

    @Test
    void aRefundMayOpenTheShiftToo() {
        fixture.givenNoPriorActivity()
               .when(new RecordShiftRefund("s-1", "cashier-5", "p-0", "r-1", CASH, 2_000))
               .expectEvents(CASH_OUT);
    }

    @Test
    void laterCollectionsAndRefundsAreCountedIn() {
        fixture.given(CASH_IN)
               .when(new RecordShiftCollection("s-1", "cashier-5", "p-2", BANK_CARD, 50_000))
               .expectEvents(CARD_IN);
        fixture.given(CASH_IN)
               .when(new RecordShiftRefund("s-1", "cashier-5", "p-0", "r-1", CASH, 2_000))
               .expectEvents(CASH_OUT);
    }

    @Test
    void aPaymentIsCountedOnce() {
        fixture.given(CASH_IN)
               .when(new RecordShiftCollection("s-1", "cashier-5", "p-1", CASH, 12_345))
               .expectException(violated("payment-already-counted"))
               .expectExceptionMessage("Payment p-1 was already counted into shift s-1")
               .expectNoEvents();
    }

    @Test
    void aRefundIsPaidOutOnce() {
        fixture.given(CASH_IN, CASH_OUT)
               .when(new RecordShiftRefund("s-1", "cashier-5", "p-0", "r-1", CASH, 2_000))
               .expectException(violated("refund-already-counted"))
               .expectExceptionMessage("Refund r-1 was already paid out of shift s-1")
               .expectNoEvents();
    }

    @Test
    void aShiftBelongsToOneCashier() {
        fixture.given(CASH_IN)
               .when(new RecordShiftCollection("s-1", "cashier-6", "p-2", CASH, 100))
               .expectException(violated("shift-of-another-cashier"))
               .expectExceptionMessage("Shift s-1 is cashier cashier-5's, not cashier-6's")
               .expectNoEvents();
        fixture.given(CASH_IN)
               .when(new RecordShiftRefund("s-1", "cashier-6", "p-0", "r-1", CASH, 100))
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
               .when(new RecordShiftCollection("s-1", "cashier-5", "p-2", CASH, 100))
               .expectException(violated("shift-settled"))
               .expectExceptionMessage("Shift s-1 was settled and accepts nothing more; start a new shift id")
               .expectNoEvents();
        fixture.given(CASH_IN, SETTLED)
               .when(new RecordShiftRefund("s-1", "cashier-5", "p-1", "r-1", CASH, 100))
               .expectException(violated("shift-settled"))
               .expectNoEvents();
        fixture.given(CASH_IN, SETTLED)
               .when(new SettleTill("s-1", "cashier-5", Map.of()))
               .expectException(violated("shift-settled"))
               .expectNoEvents();
    }
}
