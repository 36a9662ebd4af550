package org.servicehall.query.payment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.FindPayment;
import org.servicehall.api.payment.FindShift;
import org.servicehall.api.payment.ListPayments;
import org.servicehall.api.payment.ListTills;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.ReceiptIssued;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.payment.ShiftRefundRecorded;
import org.servicehall.api.payment.TillSettled;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.SequencedDocuments;
import org.servicehall.query.support.ViewDefinition;
import org.servicehall.query.support.ViewUpdates;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.servicehall.platform.axon.EventTimes.happenedAt;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Builds payments ({@link PaymentView}), the money each cashier moved per day ({@link CashierDay}, with the hall's
 * cashiers per day in {@link HallDay}) and the cashiers' shifts with their till settlements ({@link ShiftView}).
 * Refunds count against the day and shift of whoever paid them out, so a day's and a till's net amounts are what
 * that drawer should hold.
 */
@Component
@ProcessingGroup(PaymentProjection.PROCESSING_GROUP)
class PaymentProjection {

    static final String PROCESSING_GROUP = "payments";
    static final String PAYMENTS = "payments";
    static final String SHIFTS = "shifts";
    static final String CASHIER_DAYS = "payment_cashier_days";
    static final String HALL_DAYS = "payment_hall_days";

    private final MongoTemplate mongo;
    private final SequencedDocuments<PaymentView> payments;
    private final SequencedDocuments<ShiftView> shifts;
    private final HallTime time;

    /** The view's collections, so that it can be rebuilt while it answers. */
    @Bean
    static ViewDefinition paymentsView() {
        return new ViewDefinition(PROCESSING_GROUP, PAYMENTS, SHIFTS, CASHIER_DAYS, HALL_DAYS);
    }

    PaymentProjection(MongoTemplate mongo, HallTime time) {
        this.mongo = mongo;
        this.payments = new SequencedDocuments<>(mongo, PaymentView.class, PAYMENTS);
        this.shifts = new SequencedDocuments<>(mongo, ShiftView.class, SHIFTS);
        this.time = time;
    }

    @EventHandler
    void on(PaymentRequested event, DomainEventMessage<?> message) {
        payments.create(message, PaymentView.requested(event.paymentId(), event.hallId(), event.visitId(),
                                                       event.kind(), event.amountFen(), happenedAt(message),
                                                       event.staffId()));
    }

    @EventHandler
    void on(FeeCollected event, DomainEventMessage<?> message) {
        Instant at = happenedAt(message);
        PaymentView payment = payments.require(event.paymentId(), message);
        moved(event.staffId(), new CashierDay.Movement(message.getIdentifier(), CashierDay.MovementType.COLLECTION,
                                                       event.paymentId(), null, event.shiftId(), payment.hallId(),
                                                       payment.kind(), event.method(), event.amountFen(), at));
        payments.update(event.paymentId(), message, view -> view.collected(new PaymentView.Collected(
                event.staffId(), event.shiftId(), event.method(), event.amountFen(), event.tenderedFen(),
                event.changeFen(), at)));
    }

    @EventHandler
    void on(PaymentRefunded event, DomainEventMessage<?> message) {
        Instant at = happenedAt(message);
        PaymentView payment = payments.require(event.paymentId(), message);
        moved(event.staffId(), new CashierDay.Movement(message.getIdentifier(), CashierDay.MovementType.REFUND,
                                                       event.paymentId(), event.refundId(), event.shiftId(),
                                                       payment.hallId(), payment.kind(), event.method(),
                                                       event.amountFen(), at));
        payments.update(event.paymentId(), message, view -> view.refunded(new PaymentView.Refunded(
                event.refundId(), event.staffId(), event.supervisorId(), event.shiftId(), event.method(),
                event.amountFen(), at)));
    }

    @EventHandler
    void on(ReceiptIssued event, DomainEventMessage<?> message) {
        payments.update(event.paymentId(), message, view -> view.receiptIssued(event.receiptNumber()));
    }

    /**
     * Idempotent: a movement is equal to itself, keyed by its event, so adding it again changes nothing. The day's
     * documents are shared by many payments, whose events other segments may be handling at the same moment.
     */
    private void moved(String cashierId, CashierDay.Movement movement) {
        LocalDate day = time.dayOf(movement.hallId(), movement.at());
        ViewUpdates.upsert(mongo, CashierDay.class, CASHIER_DAYS, CashierDay.id(cashierId, day),
                           new Update().setOnInsert("cashierId", cashierId).setOnInsert("day", day.toString())
                                       .addToSet("movements", movement));
        if (movement.hallId() != null) {
            ViewUpdates.upsert(mongo, HallDay.class, HALL_DAYS, HallDay.id(movement.hallId(), day),
                               new Update().addToSet("cashierIds", cashierId));
        }
    }

    @EventHandler
    void on(ShiftCollectionRecorded event, DomainEventMessage<?> message) {
        Instant at = happenedAt(message);
        worked(event.cashierId(), event.shiftId(), at);
        shifts.createOrUpdate(event.shiftId(), message, () -> ShiftView.started(event.shiftId(), event.cashierId(), at),
                              shift -> shift.collected(event.method(), event.amountFen(), at));
    }

    @EventHandler
    void on(ShiftRefundRecorded event, DomainEventMessage<?> message) {
        Instant at = happenedAt(message);
        worked(event.cashierId(), event.shiftId(), at);
        shifts.createOrUpdate(event.shiftId(), message, () -> ShiftView.started(event.shiftId(), event.cashierId(), at),
                              shift -> shift.refunded(event.method(), event.amountFen(), at));
    }

    @EventHandler
    void on(TillSettled event, DomainEventMessage<?> message) {
        Instant at = happenedAt(message);
        worked(event.cashierId(), event.shiftId(), at);
        shifts.createOrUpdate(event.shiftId(), message, () -> ShiftView.started(event.shiftId(), event.cashierId(), at),
                              shift -> shift.settled(new ShiftView.Settlement(event.collectedFen(),
                                                                              event.declaredFen(),
                                                                              event.differenceFen(), at)));
    }

    /**
     * The shift is listed on every day it saw activity, so a shift across midnight shows on both days. A shift's
     * events do not name the hall: its days are the common zone's.
     */
    private void worked(String cashierId, String shiftId, Instant at) {
        LocalDate day = time.dayOf(null, at);
        ViewUpdates.upsert(mongo, CashierDay.class, CASHIER_DAYS, CashierDay.id(cashierId, day),
                           new Update().setOnInsert("cashierId", cashierId).setOnInsert("day", day.toString())
                                       .addToSet("shiftIds", shiftId));
    }

    @QueryHandler
    Optional<PaymentDetails> handle(FindPayment query) {
        return Optional.ofNullable(payments.find(query.paymentId())).map(PaymentDetails::of);
    }

    @QueryHandler
    PaymentDay handle(ListPayments query) {
        LocalDate day = query.day() != null ? query.day() : time.today(query.hallId());
        List<String> cashierIds = query.cashierId() != null ? List.of(query.cashierId())
                : Optional.ofNullable(mongo.findById(HallDay.id(query.hallId(), day), HallDay.class, HALL_DAYS))
                          .map(HallDay::cashierIds).orElse(List.of());
        List<String> ids = cashierIds.stream().map(cashier -> CashierDay.id(cashier, day)).toList();
        List<PaymentDay.Cashier> cashiers = mongo.find(query(where("_id").in(ids)), CashierDay.class, CASHIER_DAYS)
                                                 .stream()
                                                 .map(cashierDay -> cashier(cashierDay, query.hallId()))
                                                 .sorted(Comparator.comparing(PaymentDay.Cashier::cashierId))
                                                 .toList();
        return new PaymentDay(day, query.hallId(), query.cashierId(),
                              totals(cashiers.stream().flatMap(cashier -> cashier.movements().stream()).toList()),
                              cashiers);
    }

    private static PaymentDay.Cashier cashier(CashierDay day, String hallId) {
        List<CashierDay.Movement> movements = day.movements() == null ? List.of()
                : day.movements().stream()
                     .filter(movement -> hallId == null || hallId.equals(movement.hallId()))
                     .sorted(Comparator.comparing(CashierDay.Movement::at).thenComparing(CashierDay.Movement::eventId))
                     .toList();
        return new PaymentDay.Cashier(day.cashierId(), totals(movements), movements,
                                      day.shiftIds() == null ? List.of() : day.shiftIds());
    }

    private static MethodTotals totals(List<CashierDay.Movement> movements) {
        Map<PaymentMethod, BigInteger> collected = new EnumMap<>(PaymentMethod.class);
        Map<PaymentMethod, BigInteger> refunded = new EnumMap<>(PaymentMethod.class);
        movements.forEach(movement -> MethodTotals.add(
                movement.type() == CashierDay.MovementType.COLLECTION ? collected : refunded, movement.method(),
                movement.amountFen()));
        return MethodTotals.of(collected, refunded);
    }

    @QueryHandler
    Optional<Till> handle(FindShift query) {
        return Optional.ofNullable(shifts.find(query.shiftId())).map(Till::of);
    }

    @QueryHandler
    List<Till> handle(ListTills query) {
        LocalDate day = query.day() != null ? query.day() : time.today(null);
        CashierDay cashierDay = mongo.findById(CashierDay.id(query.cashierId(), day), CashierDay.class, CASHIER_DAYS);
        if (cashierDay == null || cashierDay.shiftIds() == null) {
            return List.of();
        }
        return shifts.findAll(cashierDay.shiftIds()).stream().map(Till::of)
                     .sorted(Comparator.comparing(Till::firstActivityAt).thenComparing(Till::shiftId))
                     .toList();
    }

    @ResetHandler
    void reset() {
        payments.drop();
        shifts.drop();
        for (String collection : List.of(CASHIER_DAYS, HALL_DAYS)) {
            if (mongo.collectionExists(collection)) {
                mongo.dropCollection(collection);
            }
        }
    }
}
