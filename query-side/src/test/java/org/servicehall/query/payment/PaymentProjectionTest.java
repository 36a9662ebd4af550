package org.servicehall.query.payment;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.FindPayment;
import org.servicehall.api.payment.FindShift;
import org.servicehall.api.payment.ListPayments;
import org.servicehall.api.payment.ListTills;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.ReceiptIssued;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.payment.ShiftRefundRecorded;
import org.servicehall.api.payment.TillSettled;
import org.servicehall.platform.testing.TestMongo;
import org.servicehall.query.support.EventFeed;
import org.servicehall.query.support.TestHalls;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.api.payment.PaymentMethod.BANK_CARD;
import static org.servicehall.api.payment.PaymentMethod.CASH;
import static org.servicehall.api.payment.PaymentMethod.QR_CODE;

class PaymentProjectionTest {

    /** Monday 2026-11-30, 09:00 in the hall. */
    private static final Instant MONDAY_9 = Instant.parse("2026-11-30T01:00:00Z");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

    private final TestMongo mongo = TestMongo.start();
    private final PaymentProjection projection = new PaymentProjection(
            mongo.mongoTemplate(), TestHalls.at(MONDAY_9));
    private final EventFeed feed = new EventFeed(projection);

    @AfterEach
    void close() {
        mongo.close();
    }

    private static Instant minutes(long minutes) {
        return MONDAY_9.plusSeconds(minutes * 60);
    }

    /** A payment collected by a cashier, counted into their shift, as the command side records it. */
    private void collect(String paymentId, String hallId, String cashierId, String shiftId, PaymentMethod method,
                         long fen, Instant at) {
        feed.apply(paymentId, new PaymentRequested(paymentId, null, hallId, cashierId, PaymentKind.ELECTRICITY_BILL,
                                                   fen, "customer-1", "0123456789"), at);
        feed.apply(paymentId, new FeeCollected(paymentId, cashierId, shiftId, method, fen,
                                               method == CASH ? fen + 500 : null, method == CASH ? 500L : null), at);
        feed.apply(paymentId, new ReceiptIssued(paymentId, cashierId, "R-" + paymentId), at);
        feed.apply(shiftId, new ShiftCollectionRecorded(shiftId, cashierId, paymentId, method, fen), at);
    }

    private void refund(String paymentId, String refundId, String cashierId, String shiftId, PaymentMethod method,
                        long fen, Instant at) {
        feed.apply(paymentId, new PaymentRefunded(paymentId, refundId, cashierId, "supervisor-1", shiftId, method, fen,
                                                  "customer-1", "billed twice"), at);
        feed.apply(shiftId, new ShiftRefundRecorded(shiftId, cashierId, paymentId, refundId, method, fen), at);
    }

    private static Map<PaymentMethod, BigInteger> fen(Object... methodsAndAmounts) {
        Map<PaymentMethod, BigInteger> result = new EnumMap<>(PaymentMethod.class);
        for (int i = 0; i < methodsAndAmounts.length; i += 2) {
            result.put((PaymentMethod) methodsAndAmounts[i],
                       BigInteger.valueOf(((Number) methodsAndAmounts[i + 1]).longValue()));
        }
        return result;
    }

    /** Amounts recorded before requests were bounded: sums past a long are shown exactly, never wrapped. */
    @Test
    void sumsOfTheLargestAmountsAreExact() {
        BigInteger twice = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO);
        collect("p-1", "hall-1", "cashier-1", "shift-1", QR_CODE, Long.MAX_VALUE, minutes(10));
        collect("p-2", "hall-1", "cashier-1", "shift-2", QR_CODE, Long.MAX_VALUE, minutes(20));
        collect("p-3", "hall-1", "cashier-1", "shift-3", QR_CODE, 100, minutes(30));
        refund("p-3", "r-1", "cashier-1", "shift-3", QR_CODE, 1, minutes(40));
        refund("p-3", "r-2", "cashier-1", "shift-4", QR_CODE, Long.MAX_VALUE, minutes(50));

        PaymentDay day = projection.handle(new ListPayments(MONDAY, "cashier-1", null));
        assertThat(day.totals().collectedFen()).isEqualTo(Map.of(QR_CODE, twice.add(BigInteger.valueOf(100))));
        assertThat(day.totals().totalCollectedFen()).isEqualTo(twice.add(BigInteger.valueOf(100)));
        assertThat(day.totals().totalRefundedFen()).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
        assertThat(day.totals().totalNetFen()).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(99)));
        PaymentDetails refundedTooMuch = projection.handle(new FindPayment("p-3")).orElseThrow();
        assertThat(refundedTooMuch.refundedFen()).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
        assertThat(refundedTooMuch.netFen()).isEqualTo(BigInteger.valueOf(99 - Long.MAX_VALUE));
        assertThat(refundedTooMuch.status()).isEqualTo(PaymentDetails.Status.REFUNDED);
    }

    @Test
    void aTillFigureThatWouldNotFitIsNeverStoredWrapped() {
        collect("p-1", "hall-1", "cashier-1", "shift-1", QR_CODE, Long.MAX_VALUE, minutes(10));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed.apply(
                "shift-1", new ShiftCollectionRecorded("shift-1", "cashier-1", "p-2", QR_CODE, 1), minutes(20)))
                .hasRootCauseInstanceOf(ArithmeticException.class);
        assertThat(projection.handle(new FindShift("shift-1")).orElseThrow().totals().collectedFen())
                .isEqualTo(fen(QR_CODE, Long.MAX_VALUE));
    }

    @Test
    void aRefundCountsAgainstTheDayAndTheTillOfWhoeverPaidItOut() {
        collect("p-1", "hall-1", "cashier-1", "shift-1", CASH, 12_000, minutes(10));
        collect("p-2", "hall-1", "cashier-1", "shift-1", QR_CODE, 8_050, minutes(20));
        collect("p-3", "hall-1", "cashier-2", "shift-2", BANK_CARD, 30_000, minutes(30));
        refund("p-1", "r-1", "cashier-1", "shift-1", CASH, 2_000, minutes(40));

        PaymentDay day = projection.handle(new ListPayments(MONDAY, "cashier-1", null));

        assertThat(day.cashiers()).hasSize(1);
        PaymentDay.Cashier cashier = day.cashiers().get(0);
        assertThat(cashier.movements()).extracting(CashierDay.Movement::type, CashierDay.Movement::paymentId,
                                                   CashierDay.Movement::amountFen)
                                       .containsExactly(
                                               org.assertj.core.groups.Tuple.tuple(CashierDay.MovementType.COLLECTION,
                                                                                   "p-1", 12_000L),
                                               org.assertj.core.groups.Tuple.tuple(CashierDay.MovementType.COLLECTION,
                                                                                   "p-2", 8_050L),
                                               org.assertj.core.groups.Tuple.tuple(CashierDay.MovementType.REFUND,
                                                                                   "p-1", 2_000L));
        assertThat(cashier.totals().collectedFen()).isEqualTo(fen(CASH, 12_000, QR_CODE, 8_050));
        assertThat(cashier.totals().refundedFen()).isEqualTo(fen(CASH, 2_000));
        assertThat(cashier.totals().netFen()).isEqualTo(fen(CASH, 10_000, QR_CODE, 8_050));
        assertThat(cashier.totals().totalNetFen()).isEqualTo(BigInteger.valueOf(18_050));
        assertThat(cashier.shiftIds()).containsExactly("shift-1");

        PaymentDetails p1 = projection.handle(new FindPayment("p-1")).orElseThrow();
        assertThat(p1.status()).isEqualTo(PaymentDetails.Status.PARTLY_REFUNDED);
        assertThat(p1.collectedFen()).isEqualTo(BigInteger.valueOf(12_000));
        assertThat(p1.refundedFen()).isEqualTo(BigInteger.valueOf(2_000));
        assertThat(p1.netFen()).isEqualTo(BigInteger.valueOf(10_000));
        assertThat(p1.receiptNumbers()).containsExactly("R-p-1");
        assertThat(p1.collections().get(0).changeFen()).isEqualTo(500L);
        assertThat(p1.refunds().get(0).supervisorId()).isEqualTo("supervisor-1");

        PaymentDay hall = projection.handle(new ListPayments(MONDAY, null, "hall-1"));
        assertThat(hall.cashiers()).extracting(PaymentDay.Cashier::cashierId)
                                   .containsExactly("cashier-1", "cashier-2");
        assertThat(hall.totals().totalCollectedFen()).isEqualTo(BigInteger.valueOf(50_050));
        assertThat(hall.totals().totalRefundedFen()).isEqualTo(BigInteger.valueOf(2_000));
        assertThat(hall.totals().totalNetFen()).isEqualTo(BigInteger.valueOf(48_050));
    }

    @Test
    void theTillSettlementShowsCollectedRefundedDeclaredAndDifferences() {
        collect("p-1", "hall-1", "cashier-1", "shift-1", CASH, 12_000, minutes(10));
        collect("p-2", "hall-1", "cashier-1", "shift-1", QR_CODE, 8_050, minutes(20));
        refund("p-1", "r-1", "cashier-1", "shift-1", CASH, 2_000, minutes(40));

        assertThat(projection.handle(new FindShift("shift-1")).orElseThrow().status()).isEqualTo(Till.Status.OPEN);

        feed.apply("shift-1", new TillSettled("shift-1", "cashier-1", Map.of(CASH, 10_000L, QR_CODE, 8_050L),
                                              Map.of(CASH, 9_900L, QR_CODE, 8_050L),
                                              Map.of(CASH, -100L, QR_CODE, 0L)), minutes(480));

        Till till = projection.handle(new FindShift("shift-1")).orElseThrow();
        assertThat(till.status()).isEqualTo(Till.Status.SETTLED);
        assertThat(till.cashierId()).isEqualTo("cashier-1");
        assertThat(till.collections()).isEqualTo(2);
        assertThat(till.refunds()).isEqualTo(1);
        assertThat(till.totals().collectedFen()).isEqualTo(fen(CASH, 12_000, QR_CODE, 8_050));
        assertThat(till.totals().refundedFen()).isEqualTo(fen(CASH, 2_000));
        assertThat(till.totals().netFen()).isEqualTo(fen(CASH, 10_000, QR_CODE, 8_050));
        assertThat(till.settlement().collectedFen()).isEqualTo(Map.of(CASH, 10_000L, QR_CODE, 8_050L));
        assertThat(till.settlement().declaredFen()).isEqualTo(Map.of(CASH, 9_900L, QR_CODE, 8_050L));
        assertThat(till.settlement().differenceFen()).isEqualTo(Map.of(CASH, -100L, QR_CODE, 0L));
        assertThat(till.settlement().settledAt()).isEqualTo(minutes(480));
        assertThat(projection.handle(new ListTills("cashier-1", MONDAY))).extracting(Till::shiftId)
                                                                          .containsExactly("shift-1");
    }

    @Test
    void moneyBelongsToTheHallsDayNotUtcs() {
        // 16:30 UTC on Monday is already Tuesday 00:30 in the hall.
        collect("p-1", "hall-1", "cashier-1", "shift-1", CASH, 1_000, Instant.parse("2026-11-30T15:30:00Z"));
        collect("p-2", "hall-1", "cashier-1", "shift-1", CASH, 2_000, Instant.parse("2026-11-30T16:30:00Z"));

        assertThat(projection.handle(new ListPayments(MONDAY, "cashier-1", null)).totals().totalNetFen())
                .isEqualTo(1_000L);
        assertThat(projection.handle(new ListPayments(MONDAY.plusDays(1), "cashier-1", null)).totals().totalNetFen())
                .isEqualTo(2_000L);
        assertThat(projection.handle(new ListTills("cashier-1", MONDAY.plusDays(1)))).extracting(Till::shiftId)
                                                                                   .containsExactly("shift-1");
    }

    @Test
    void aHallFilterKeepsOnlyThatHallsMoney() {
        collect("p-1", "hall-1", "cashier-1", "shift-1", CASH, 1_000, minutes(10));
        collect("p-2", "hall-2", "cashier-1", "shift-1", CASH, 2_000, minutes(20));

        assertThat(projection.handle(new ListPayments(MONDAY, "cashier-1", "hall-2")).totals().totalNetFen())
                .isEqualTo(2_000L);
        assertThat(projection.handle(new ListPayments(MONDAY, null, "hall-3")).cashiers()).isEmpty();
    }

    @Test
    void everyEventDeliveredTwiceChangesNothing() {
        List<DomainEventMessage<?>> events = List.of(
                feed.event("p-1", new PaymentRequested("p-1", null, "hall-1", "cashier-1", PaymentKind.BUSINESS_FEE,
                                                       5_000, "customer-1", "0123"), minutes(1)),
                feed.event("p-1", new FeeCollected("p-1", "cashier-1", "shift-1", CASH, 5_000, 5_000L, 0L),
                           minutes(2)),
                feed.event("shift-1", new ShiftCollectionRecorded("shift-1", "cashier-1", "p-1", CASH, 5_000),
                           minutes(2)),
                feed.event("p-1", new PaymentRefunded("p-1", "r-1", "cashier-1", "supervisor-1", "shift-1", CASH,
                                                      1_000, "customer-1", "why"), minutes(3)),
                feed.event("shift-1", new ShiftRefundRecorded("shift-1", "cashier-1", "p-1", "r-1", CASH, 1_000),
                           minutes(3)),
                feed.event("shift-1", new TillSettled("shift-1", "cashier-1", Map.of(CASH, 4_000L),
                                                      Map.of(CASH, 4_000L), Map.of(CASH, 0L)), minutes(4)));
        for (DomainEventMessage<?> event : events) {
            feed.handle(event, event);
        }
        feed.handle(events.toArray(DomainEventMessage[]::new));

        PaymentDay day = projection.handle(new ListPayments(MONDAY, "cashier-1", null));
        assertThat(day.cashiers().get(0).movements()).hasSize(2);
        assertThat(day.totals().totalNetFen()).isEqualTo(4_000L);
        assertThat(projection.handle(new FindPayment("p-1")).orElseThrow().netFen()).isEqualTo(4_000L);
        Till till = projection.handle(new FindShift("shift-1")).orElseThrow();
        assertThat(till.collections()).isEqualTo(1);
        assertThat(till.totals().totalNetFen()).isEqualTo(4_000L);
    }

    @Test
    void noPersonalDataReachesTheView() {
        collect("p-1", "hall-1", "cashier-1", "shift-1", CASH, 1_000, minutes(10));
        refund("p-1", "r-1", "cashier-1", "shift-1", CASH, 1_000, minutes(20));

        String stored = mongo.database().getCollection("payments").find().first().toJson()
                + mongo.database().getCollection(PaymentProjection.CASHIER_DAYS).find().first().toJson();

        assertThat(stored).doesNotContain("0123456789", "billed twice", "customer-1");
    }

    @Test
    void resettingEmptiesTheView() {
        collect("p-1", "hall-1", "cashier-1", "shift-1", CASH, 1_000, minutes(10));

        projection.reset();

        assertThat(projection.handle(new FindPayment("p-1"))).isEmpty();
        assertThat(projection.handle(new FindShift("shift-1"))).isEmpty();
        assertThat(projection.handle(new ListPayments(MONDAY, "cashier-1", null)).cashiers()).isEmpty();
    }
}
