package org.servicehall.command.payment;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.payment.CollectFee;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.RefundPayment;
import org.servicehall.api.payment.RequestPayment;
import org.servicehall.api.payment.SettleTill;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.payment.ShiftRefundRecorded;
import org.servicehall.api.payment.TillSettled;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The payment feeds the cashier's shift in its own unit of work, through the real command bus and event store. */
@CommandSideTest
class TillFeedTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    SequencedEventStorageEngine storage;

    private String requestPayment(long amountFen) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestPayment(id, null, "hall-1", "clerk-2", PaymentKind.ELECTRICITY_BILL,
                                                amountFen, "c-1", "0101234567"));
        return id;
    }

    private List<Object> stream(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(event -> (Object) event.getPayload()).toList();
    }

    /** Every payload in the global stream, in the order processors will see it. */
    private List<Object> globalStream() {
        return storage.readEvents(null, false).map(event -> (Object) event.getPayload()).toList();
    }

    @Test
    void aCollectionAndARefundAreCountedIntoTheShiftsAndTheTillAddsUp() {
        String shift = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        String cash = requestPayment(12_345);
        String card = requestPayment(50_000);

        commands.sendAndWait(new CollectFee(cash, "cashier-5", shift, PaymentMethod.CASH, 12_345, 20_000L));
        commands.sendAndWait(new CollectFee(card, "cashier-5", shift, PaymentMethod.BANK_CARD, 50_000, null));
        commands.sendAndWait(new RefundPayment(cash, "r-1", "cashier-5", "supervisor-1", shift, 2_000, "overbilled"));
        commands.sendAndWait(new SettleTill(shift, "cashier-5", Map.of(PaymentMethod.CASH, 10_345L,
                                                                       PaymentMethod.BANK_CARD, 50_000L)));

        assertThat(stream(shift)).containsExactly(
                new ShiftCollectionRecorded(shift, "cashier-5", cash, PaymentMethod.CASH, 12_345),
                new ShiftCollectionRecorded(shift, "cashier-5", card, PaymentMethod.BANK_CARD, 50_000),
                new ShiftRefundRecorded(shift, "cashier-5", cash, "r-1", PaymentMethod.CASH, 2_000),
                new TillSettled(shift, "cashier-5",
                                Map.of(PaymentMethod.CASH, 10_345L, PaymentMethod.BANK_CARD, 50_000L,
                                       PaymentMethod.QR_CODE, 0L, PaymentMethod.BANK_TRANSFER, 0L),
                                Map.of(PaymentMethod.CASH, 10_345L, PaymentMethod.BANK_CARD, 50_000L,
                                       PaymentMethod.QR_CODE, 0L, PaymentMethod.BANK_TRANSFER, 0L),
                                Map.of(PaymentMethod.CASH, 0L, PaymentMethod.BANK_CARD, 0L,
                                       PaymentMethod.QR_CODE, 0L, PaymentMethod.BANK_TRANSFER, 0L)));

        // a refund on the next day comes out of the refunding cashier's new shift
        commands.sendAndWait(new RefundPayment(card, "r-2", "cashier-5", "supervisor-1", later, 50_000, "cancelled"));
        assertThat(stream(later)).containsExactly(
                new ShiftRefundRecorded(later, "cashier-5", card, "r-2", PaymentMethod.BANK_CARD, 50_000));
        assertThat(stream(card)).last().isEqualTo(new PaymentRefunded(card, "r-2", "cashier-5", "supervisor-1", later,
                                                                      PaymentMethod.BANK_CARD, 50_000, "c-1",
                                                                      "cancelled"));
    }

    @Test
    void thePaymentsAndTheShiftsEventsAreOneCommitAtOnePosition() {
        String shift = UUID.randomUUID().toString();
        String payment = requestPayment(100);

        commands.sendAndWait(new CollectFee(payment, "cashier-5", shift, PaymentMethod.QR_CODE, 100, null));

        List<? extends TrackedEventMessage<?>> global = storage.readEvents(null, false).toList();
        Object collected = new FeeCollected(payment, "cashier-5", shift, PaymentMethod.QR_CODE, 100, null, null);
        Object counted = new ShiftCollectionRecorded(shift, "cashier-5", payment, PaymentMethod.QR_CODE, 100);
        List<Object> last = global.subList(global.size() - 2, global.size()).stream()
                                  .map(event -> (Object) event.getPayload()).toList();
        assertThat(last).containsExactly(collected, counted);
        assertThat(global.get(global.size() - 2).trackingToken()).isEqualTo(global.get(global.size() - 1)
                                                                                  .trackingToken());
        assertThat(((GapAwareTrackingToken) global.get(global.size() - 1).trackingToken()).getIndex())
                .isEqualTo(storage.headPosition());
    }

    @Test
    void aCollectionIntoASettledShiftIsRefusedAndNothingIsRecorded() {
        String shift = UUID.randomUUID().toString();
        String first = requestPayment(100);
        String second = requestPayment(200);
        commands.sendAndWait(new CollectFee(first, "cashier-5", shift, PaymentMethod.CASH, 100, 100L));
        commands.sendAndWait(new SettleTill(shift, "cashier-5", Map.of(PaymentMethod.CASH, 100L)));
        long before = globalStream().size();

        assertThatThrownBy(() -> commands.sendAndWait(new CollectFee(second, "cashier-5", shift, PaymentMethod.CASH,
                                                                     200, 500L)))
                .isInstanceOfSatisfying(RuleViolation.class,
                                        violation -> assertThat(violation.rule()).isEqualTo("shift-settled"));

        assertThat(globalStream()).hasSize((int) before);
        assertThat(stream(second)).containsExactly(new PaymentRequested(second, null, "hall-1", "clerk-2",
                                                                        PaymentKind.ELECTRICITY_BILL, 200, "c-1",
                                                                        "0101234567"));
        // the cashier opens a new shift and the same collection goes through
        String next = UUID.randomUUID().toString();
        commands.sendAndWait(new CollectFee(second, "cashier-5", next, PaymentMethod.CASH, 200, 500L));
        assertThat(stream(second)).last().isEqualTo(new FeeCollected(second, "cashier-5", next, PaymentMethod.CASH,
                                                                     200, 500L, 300L));
    }
}
