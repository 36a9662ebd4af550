package org.servicehall.command.payment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.payment.ShiftRefundRecorded;
import org.servicehall.api.payment.TillSettled;
import org.servicehall.command.TestVisits;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.command.Rules.violated;

class PaymentTest {

    private static final PaymentRequested REQUESTED = new PaymentRequested("p-1", "v-1", "hall-1", "clerk-2",
                                                                           PaymentKind.ELECTRICITY_BILL, 12_345,
                                                                           "c-1", "0101234567");
    private static final FeeCollected COLLECTED_IN_CASH = new FeeCollected("p-1", "cashier-5", "s-1",
                                                                           PaymentMethod.CASH, 12_345, 20_000L,
                                                                           7_655L);

    private AggregateTestFixture<Payment> fixture;
    private final SideStore<CashierShift> shifts = new SideStore<>(CashierShift.class);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerAnnotatedCommandHandler(new PaymentRequesting(fixture.getRepository(), TestVisits.visits()));
        fixture.registerAnnotatedCommandHandler(new FeeCollection(fixture.getRepository(), shifts.repository));
        fixture.registerAnnotatedCommandHandler(new Refunding(fixture.getRepository(), shifts.repository));
    }

    private static RequestPayment request(String visitId, PaymentKind kind, long amountFen, String accountNumber) {
        return new RequestPayment("p-1", visitId, "hall-1", "clerk-2", kind, amountFen, "c-1", accountNumber);
    }

    // ------------------------------------------------------------------ request

    @Test
    void aBillIsPresentedInFen() {
        fixture.givenNoPriorActivity()
               .when(request("v-1", PaymentKind.ELECTRICITY_BILL, 12_345, "0101234567"))
               .expectEvents(REQUESTED);
    }

    @Test
    void aBusinessFeeForANewConnectionHasNoAccountYet() {
        fixture.givenNoPriorActivity()
               .when(request(null, PaymentKind.BUSINESS_FEE, 5_000, null))
               .expectEvents(new PaymentRequested("p-1", null, "hall-1", "clerk-2", PaymentKind.BUSINESS_FEE, 5_000,
                                                  "c-1", null));
    }

    @Test
    void aPaymentIsForAPositiveAmount() {
        fixture.givenNoPriorActivity()
               .when(request("v-1", PaymentKind.ELECTRICITY_BILL, 0, "0101234567"))
               .expectException(violated("amount-not-positive"))
               .expectExceptionMessage("A payment is a positive number of fen, not 0")
               .expectNoEvents();
    }

    @Test
    void aBillNamesItsAccount() {
        fixture.givenNoPriorActivity()
               .when(request("v-1", PaymentKind.ELECTRICITY_BILL, 12_345, null))
               .expectException(violated("account-number-required"))
               .expectExceptionMessage("An electricity bill is paid for an account: the account number (户号) is "
                                               + "missing")
               .expectNoEvents();
    }

    @Test
    void aPaymentCannotBeOpenedDuringAVisitThatIsOverOrDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(request(TestVisits.OVER, PaymentKind.ELECTRICITY_BILL, 12_345, "0101234567"))
               .expectException(violated("visit-over"))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(request(TestVisits.MISSING, PaymentKind.ELECTRICITY_BILL, 12_345, "0101234567"))
               .expectException(violated("visit-not-found"))
               .expectNoEvents();
    }

    // ------------------------------------------------------------------ collection

    @Test
    void cashIsCollectedWithChangeAndCountedIntoTheShift() {
        fixture.given(REQUESTED)
               .when(new CollectFee("p-1", "cashier-5", "s-1", PaymentMethod.CASH, 12_345, 20_000L))
               .expectEvents(COLLECTED_IN_CASH);
        assertThat(shifts.events("s-1")).containsExactly(new ShiftCollectionRecorded("s-1", "cashier-5", "p-1",
                                                                                     PaymentMethod.CASH, 12_345));
    }

    @Test
    void exactCashLeavesNoChange() {
        fixture.given(REQUESTED)
               .when(new CollectFee("p-1", "cashier-5", "s-1", PaymentMethod.CASH, 12_345, 12_345L))
               .expectEvents(new FeeCollected("p-1", "cashier-5", "s-1", PaymentMethod.CASH, 12_345, 12_345L, 0L));
    }

    @Test
    void aCardPaymentHasNeitherTenderedNorChange() {
        fixture.given(REQUESTED)
               .when(new CollectFee("p-1", "cashier-5", "s-1", PaymentMethod.QR_CODE, 12_345, null))
               .expectEvents(new FeeCollected("p-1", "cashier-5", "s-1", PaymentMethod.QR_CODE, 12_345, null, null));
    }

    @Test
    void onlyCashIsTendered() {
        fixture.given(REQUESTED)
               .when(new CollectFee("p-1", "cashier-5", "s-1", PaymentMethod.BANK_CARD, 12_345, 20_000L))
               .expectException(violated("tendered-only-for-cash"))
               .expectExceptionMessage("Only cash is tendered; a BANK_CARD payment takes the exact amount")
               .expectNoEvents();
    }

    @Test
    void cashTenderedCoversTheAmount() {
        fixture.given(REQUESTED)
               .when(new CollectFee("p-1", "cashier-5", "s-1", PaymentMethod.CASH, 12_345, 10_000L))
               .expectException(violated("cash-tendered-short"))
               .expectExceptionMessage("Cash tendered (10000 fen) must cover the amount of 12345 fen")
               .expectNoEvents();
        fixture.given(REQUESTED)
               .when(new CollectFee("p-1", "cashier-5", "s-1", PaymentMethod.CASH, 12_345, null))
               .expectException(violated("cash-tendered-short"))
               .expectNoEvents();
        assertThat(shifts.events("s-1")).isEmpty();
    }

    @Test
    void theRequestedAmountIsCollectedInFull() {
        fixture.given(REQUESTED)
               .when(new CollectFee("p-1", "cashier-5", "s-1", PaymentMethod.BANK_CARD, 10_000, null))
               .expectException(violated("amount-differs-from-requested"))
               .expectExceptionMessage("Payment p-1 asks for 12345 fen, not 10000 fen; a payment is collected in "
                                               + "full")
               .expectNoEvents();
    }

    @Test
    void aPaymentIsCollectedOnce() {
        fixture.given(REQUESTED, COLLECTED_IN_CASH)
               .when(new CollectFee("p-1", "cashier-5", "s-1", PaymentMethod.CASH, 12_345, 20_000L))
               .expectException(violated("fee-already-collected"))
               .expectExceptionMessage("Payment p-1 was already collected")
               .expectNoEvents();
        assertThat(shifts.events("s-1")).isEmpty();
    }

    @Test
    void aCollectionTheShiftRefusesIsNotRecorded() {
        shifts.given("s-1", new ShiftCollectionRecorded("s-1", "cashier-5", "p-0", PaymentMethod.CASH, 100),
                     new TillSettled("s-1", "cashier-5", Map.of(), Map.of(), Map.of()));

        fixture.given(REQUESTED)
               .when(new CollectFee("p-1", "cashier-5", "s-1", PaymentMethod.CASH, 12_345, 20_000L))
               .expectException(violated("shift-settled"))
               .expectNoEvents();
        assertThat(shifts.events("s-1")).hasSize(2);
    }

    // ------------------------------------------------------------------ receipt

    @Test
    void aCollectionGetsAReceipt() {
        fixture.given(REQUESTED, COLLECTED_IN_CASH)
               .when(new IssueReceipt("p-1", "cashier-5", "R-0001"))
               .expectEvents(new ReceiptIssued("p-1", "cashier-5", "R-0001"));
    }

    @Test
    void noReceiptBeforeTheCollection() {
        fixture.given(REQUESTED)
               .when(new IssueReceipt("p-1", "cashier-5", "R-0001"))
               .expectException(violated("fee-not-collected"))
               .expectExceptionMessage("Payment p-1 must be collected before a receipt is issued")
               .expectNoEvents();
    }

    @Test
    void aCollectionGetsOneReceipt() {
        fixture.given(REQUESTED, COLLECTED_IN_CASH, new ReceiptIssued("p-1", "cashier-5", "R-0001"))
               .when(new IssueReceipt("p-1", "cashier-5", "R-0002"))
               .expectException(violated("receipt-already-issued"))
               .expectExceptionMessage("Payment p-1 already has receipt R-0001")
               .expectNoEvents();
    }

    // ------------------------------------------------------------------ refunds

    private static RefundPayment refund(String refundId, String supervisorId, long amountFen, String reason) {
        return new RefundPayment("p-1", refundId, "cashier-5", supervisorId, "s-2", amountFen, reason);
    }

    @Test
    void aRefundAuthorisedByASupervisorIsPaidOutOfTheCurrentShiftByTheOriginalMethod() {
        fixture.given(REQUESTED, COLLECTED_IN_CASH)
               .when(refund("r-1", "supervisor-1", 2_345, "billed twice"))
               .expectEvents(new PaymentRefunded("p-1", "r-1", "cashier-5", "supervisor-1", "s-2",
                                                 PaymentMethod.CASH, 2_345, "c-1", "billed twice"));
        assertThat(shifts.events("s-2")).containsExactly(new ShiftRefundRecorded("s-2", "cashier-5", "p-1", "r-1",
                                                                                 PaymentMethod.CASH, 2_345));
    }

    @Test
    void refundsAddUpToAtMostWhatWasCollected() {
        PaymentRefunded first = new PaymentRefunded("p-1", "r-1", "cashier-5", "supervisor-1", "s-2",
                                                    PaymentMethod.CASH, 10_000, "c-1", "billed twice");
        fixture.given(REQUESTED, COLLECTED_IN_CASH, first)
               .when(refund("r-2", "supervisor-1", 2_345, "the rest"))
               .expectEvents(new PaymentRefunded("p-1", "r-2", "cashier-5", "supervisor-1", "s-2",
                                                 PaymentMethod.CASH, 2_345, "c-1", "the rest"));
        fixture.given(REQUESTED, COLLECTED_IN_CASH, first)
               .when(refund("r-2", "supervisor-1", 2_346, "one fen too many"))
               .expectException(violated("refund-exceeds-collected"))
               .expectExceptionMessage("Payment p-1 collected 12345 fen and has 2345 fen left to refund, not 2346 "
                                               + "fen")
               .expectNoEvents();
    }

    @Test
    void aRefundIsNeverMadeTwice() {
        fixture.given(REQUESTED, COLLECTED_IN_CASH,
                      new PaymentRefunded("p-1", "r-1", "cashier-5", "supervisor-1", "s-2", PaymentMethod.CASH, 100,
                                          "c-1", "billed twice"))
               .when(refund("r-1", "supervisor-1", 100, "billed twice"))
               .expectException(violated("refund-already-made"))
               .expectExceptionMessage("Refund r-1 of payment p-1 was already made")
               .expectNoEvents();
    }

    @Test
    void nothingIsRefundedBeforeItIsCollected() {
        fixture.given(REQUESTED)
               .when(refund("r-1", "supervisor-1", 100, "billed twice"))
               .expectException(violated("fee-not-collected"))
               .expectExceptionMessage("Payment p-1 must be collected before it is refunded")
               .expectNoEvents();
    }

    @Test
    void aRefundIsForAPositiveAmount() {
        fixture.given(REQUESTED, COLLECTED_IN_CASH)
               .when(refund("r-1", "supervisor-1", -1, "billed twice"))
               .expectException(violated("amount-not-positive"))
               .expectExceptionMessage("A refund is a positive number of fen, not -1")
               .expectNoEvents();
    }

    @Test
    void aRefundNeedsAReason() {
        fixture.given(REQUESTED, COLLECTED_IN_CASH)
               .when(refund("r-1", "supervisor-1", 100, " "))
               .expectException(violated("refund-reason-required"))
               .expectExceptionMessage("A refund needs a reason")
               .expectNoEvents();
    }

    @Test
    void aCashierCannotAuthoriseTheirOwnRefund() {
        fixture.given(REQUESTED, COLLECTED_IN_CASH)
               .when(refund("r-1", "cashier-5", 100, "billed twice"))
               .expectException(violated("refund-not-authorised"))
               .expectExceptionMessage("A refund is authorised by a supervisor other than the staff member asking "
                                               + "for it (cashier-5)")
               .expectNoEvents();
        fixture.given(REQUESTED, COLLECTED_IN_CASH)
               .when(refund("r-1", null, 100, "billed twice"))
               .expectException(violated("refund-not-authorised"))
               .expectNoEvents();
        assertThat(shifts.events("s-2")).isEmpty();
    }

    /** The issue's case: 1 fen and then 9223372036854775807 fen out of 100 fen; the sum of the two overflowed. */
    @Test
    void aRefundOfTheLargestLongAfterASmallOneIsMoreThanIsLeft() {
        PaymentRequested hundredFen = new PaymentRequested("p-1", null, "hall-1", "clerk-2",
                                                           PaymentKind.BUSINESS_FEE, 100, "c-1", null);
        FeeCollected collected = new FeeCollected("p-1", "cashier-5", "s-1", PaymentMethod.QR_CODE, 100, null, null);
        PaymentRefunded oneFen = new PaymentRefunded("p-1", "r-1", "cashier-5", "supervisor-1", "s-2",
                                                     PaymentMethod.QR_CODE, 1, "c-1", "rounding");

        fixture.given(hundredFen, collected, oneFen)
               .when(refund("r-2", "supervisor-1", Long.MAX_VALUE, "everything"))
               .expectException(violated("refund-exceeds-collected"))
               .expectExceptionMessage("Payment p-1 collected 100 fen and has 99 fen left to refund, not "
                                               + Long.MAX_VALUE + " fen")
               .expectNoEvents();
        assertThat(shifts.events("s-2")).isEmpty();
    }

    @Test
    void aRefundTheShiftRefusesIsNotRecorded() {
        shifts.given("s-2", new ShiftCollectionRecorded("s-2", "cashier-6", "p-0", PaymentMethod.CASH, 100));

        fixture.given(REQUESTED, COLLECTED_IN_CASH)
               .when(refund("r-1", "supervisor-1", 100, "billed twice"))
               .expectException(violated("shift-of-another-cashier"))
               .expectNoEvents();
    }
}
