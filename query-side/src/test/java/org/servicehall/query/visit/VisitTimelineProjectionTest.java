package org.servicehall.query.visit;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.consultation.ConsultationClosed;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.CustomerInformed;
import org.servicehall.api.consultation.InformMethod;
import org.servicehall.api.consultation.InquiryAnswered;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.ReceiptIssued;
import org.servicehall.api.visit.AppointmentBooked;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.FindVisitTimeline;
import org.servicehall.api.visit.HandOverMethod;
import org.servicehall.api.visit.HandedOverToBackOffice;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.OtherNeedsChecked;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RoutedToBackOffice;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.RoutedToDepartment;
import org.servicehall.api.visit.TransferredToDepartment;
import org.servicehall.api.visit.VisitOutcome;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.testing.TestMongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.query.visit.TestEvents.handle;

/** Events in, timelines out. */
class VisitTimelineProjectionTest {

    private final TestMongo mongo = TestMongo.start();
    private final SimpleQueryUpdateEmitter updates = SimpleQueryUpdateEmitter.builder().build();
    private final VisitTimelineProjection projection = new VisitTimelineProjection(mongo.mongoTemplate(), updates,
                                                                                   TestEvents.calendar());
    private final AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
    private final TestEvents events = new TestEvents();

    @AfterEach
    void close() {
        mongo.close();
    }

    private VisitTimeline timeline(String visitId) {
        return projection.handle(new FindVisitTimeline(visitId)).orElseThrow();
    }

    /**
     * 23:50 to 00:20 in Shanghai: a billing question that became a work order, answered two days later. Waiting
     * 15:52:00 to 16:04:30 (750 s), service 16:04:30 to 16:20:00 (930 s), in the hall 15:50:00 to 16:20:00 (1800 s).
     */
    private List<EventMessage<?>> crossMidnightVisitWithAWorkOrder() {
        return List.of(
                events.visit("v-1", new VisitStarted("v-1", "hall-1"), "2026-11-28T15:50:00Z"),
                events.visit("v-1", new CustomerGreeted("v-1", "guide-7", true, true, false, false),
                             "2026-11-28T15:50:20Z"),
                events.visit("v-1", new NeedIdentified("v-1", "guide-7", BusinessType.BILLING_INQUIRY),
                             "2026-11-28T15:51:00Z"),
                events.visit("v-1", new RoutedToCounter("v-1", "guide-7", "3"), "2026-11-28T15:51:30Z"),
                events.visit("v-1", new QueueTicketIssued("v-1", "A012", BusinessType.BILLING_INQUIRY),
                             "2026-11-28T15:52:00Z"),
                events.visit("v-1", new CounterCalled("v-1", "clerk-2", "3", "A012"), "2026-11-28T16:04:30Z"),
                events.event("Consultation", "c-1", new ConsultationOpened(
                        "c-1", "v-1", "hall-1", "clerk-2", Channel.IN_PERSON, BusinessType.BILLING_INQUIRY, "cust-1",
                        "Wang Fang", "13800000000", "Why is my bill so high?"), "2026-11-28T16:05:00Z"),
                events.event("Consultation", "c-1", new WorkOrderCreated(
                        "c-1", "wo-1", "clerk-2", "metering", Instant.parse("2026-12-01T09:00:00Z"), "cust-1",
                        "Check meter 42 of Wang Fang"), "2026-11-28T16:10:00Z"),
                events.visit("v-1", new OtherNeedsChecked("v-1", "clerk-2", false, null), "2026-11-28T16:18:00Z"),
                events.visit("v-1", new CustomerSeenOff("v-1", "clerk-2", true), "2026-11-28T16:20:00Z"),
                events.event("Consultation", "c-1", new WorkOrderCompleted(
                        "c-1", "wo-1", "meter-9", "metering", "cust-1", "Meter 42 was misread"),
                             "2026-11-30T02:00:00Z"),
                events.event("Consultation", "c-1", new CustomerInformed("c-1", "clerk-5", InformMethod.SMS),
                             "2026-11-30T03:00:00Z"),
                events.event("Consultation", "c-1", new ConsultationClosed("c-1", "clerk-5"), "2026-11-30T03:01:00Z"));
    }

    @Test
    void aCrossMidnightVisitShowsItsWorkOrderToTheEndAndItsFiguresAsComputedByHand() {
        handle(handlers, crossMidnightVisitWithAWorkOrder());

        VisitTimeline timeline = timeline("v-1");

        assertThat(timeline.hallId()).isEqualTo("hall-1");
        assertThat(timeline.entries()).extracting(VisitTimeline.Entry::type).containsExactly(
                "VisitStarted", "CustomerGreeted", "NeedIdentified", "RoutedToCounter", "QueueTicketIssued",
                "CounterCalled", "ConsultationOpened", "WorkOrderCreated", "OtherNeedsChecked", "CustomerSeenOff",
                "WorkOrderCompleted", "CustomerInformed", "ConsultationClosed");
        assertThat(timeline.entries()).extracting(VisitTimeline.Entry::position)
                                      .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        VisitTimeline.Entry workOrder = timeline.entries().get(7);
        assertThat(workOrder.aggregateType()).isEqualTo("Consultation");
        assertThat(workOrder.aggregateId()).isEqualTo("c-1");
        assertThat(workOrder.staffId()).isEqualTo("clerk-2");
        assertThat(workOrder.at()).isEqualTo(Instant.parse("2026-11-28T16:10:00Z"));
        // due times are read by people, so they are in the hall's zone
        assertThat(workOrder.summary()).isEqualTo("Work order wo-1 sent to metering, due 2026-12-01 17:00");
        assertThat(timeline.entries().get(1).summary())
                .isEqualTo("Greeted by guide-7; rainy, umbrella stand shown");
        assertThat(timeline.entries().get(10).summary()).isEqualTo("Work order wo-1 completed by metering");
        assertThat(timeline.entries()).extracting(VisitTimeline.Entry::summary).noneMatch(
                summary -> summary.contains("Wang") || summary.contains("138") || summary.contains("bill so high")
                        || summary.contains("misread") || summary.contains("meter 42"));

        VisitFigures figures = timeline.figures();
        assertThat(figures.arrivedAt()).isEqualTo(Instant.parse("2026-11-28T15:50:00Z"));
        assertThat(figures.endedAt()).isEqualTo(Instant.parse("2026-11-28T16:20:00Z"));
        assertThat(figures.waitingSeconds()).isEqualTo(750);
        assertThat(figures.serviceSeconds()).isEqualTo(930);
        assertThat(figures.timeInHallSeconds()).isEqualTo(1800);
        assertThat(figures.transfers()).isZero();
        assertThat(figures.reroutings()).isZero();
        assertThat(figures.outcome()).isEqualTo(VisitOutcome.SERVED);
    }

    @Test
    void aPaymentWithARefundIsFollowedEvenWhenItsEventsArriveBeforeTheVisitsOwn() {
        EventMessage<?> started = events.visit("v-2", new VisitStarted("v-2", "hall-1"), "2026-11-28T02:00:00Z");
        EventMessage<?> ticket = events.visit("v-2", new QueueTicketIssued("v-2", "B003", BusinessType.BILL_PAYMENT),
                                              "2026-11-28T02:00:30Z");
        EventMessage<?> called = events.visit("v-2", new CounterCalled("v-2", "cashier-1", "5", "B003"),
                                              "2026-11-28T02:03:30Z");
        EventMessage<?> requested = events.event("Payment", "p-1", new PaymentRequested(
                "p-1", "v-2", "hall-1", "cashier-1", PaymentKind.ELECTRICITY_BILL, 12345, "cust-2", "0101234567"),
                                                 "2026-11-28T02:04:00Z");
        EventMessage<?> collected = events.event("Payment", "p-1", new FeeCollected(
                "p-1", "cashier-1", "shift-1", PaymentMethod.CASH, 12345, 20000L, 7655L), "2026-11-28T02:05:00Z");
        EventMessage<?> receipt = events.event("Payment", "p-1", new ReceiptIssued("p-1", "cashier-1", "R-778"),
                                               "2026-11-28T02:05:10Z");
        EventMessage<?> seenOff = events.visit("v-2", new CustomerSeenOff("v-2", "cashier-1", true),
                                               "2026-11-28T02:06:00Z");
        EventMessage<?> refunded = events.event("Payment", "p-1", new PaymentRefunded(
                "p-1", "r-1", "cashier-1", "sup-1", "shift-9", PaymentMethod.CASH, 2000, "cust-2",
                "Charged twice for the meter fee"), "2026-11-29T01:00:00Z");

        // the payment's segment runs ahead of the visit's: its events are handled first
        handle(handlers, requested, collected, receipt, refunded, started, ticket, called, seenOff);

        VisitTimeline timeline = timeline("v-2");
        assertThat(timeline.hallId()).isEqualTo("hall-1");
        assertThat(timeline.entries()).extracting(VisitTimeline.Entry::summary).containsExactly(
                "Visit started at hall hall-1",
                "Queue ticket B003 issued for BILL_PAYMENT",
                "Ticket B003 called to counter 5",
                "Payment of 123.45 CNY requested (ELECTRICITY_BILL)",
                "Collected 123.45 CNY by CASH, change 76.55 CNY",
                "Receipt R-778 issued",
                "Seen off by cashier-1, reminded of belongings",
                "Refunded 20.00 CNY by CASH, authorised by sup-1");
        assertThat(timeline.figures().waitingSeconds()).isEqualTo(180);
        assertThat(timeline.figures().serviceSeconds()).isEqualTo(150);
        assertThat(timeline.figures().timeInHallSeconds()).isEqualTo(360);
        assertThat(timeline.figures().outcome()).isEqualTo(VisitOutcome.SERVED);
    }

    @Test
    void aWalkOutHasNoWaitingOrServiceTimeButItsTimeInTheHall() {
        handle(handlers,
               events.visit("v-3", new VisitStarted("v-3", "hall-1"), "2026-11-28T01:00:00Z"),
               events.visit("v-3", new QueueTicketIssued("v-3", "A077", BusinessType.NEW_CONNECTION),
                            "2026-11-28T01:01:00Z"),
               events.visit("v-3", new CustomerLeftWithoutService("v-3", "guide-7"), "2026-11-28T01:41:00Z"));

        VisitTimeline timeline = timeline("v-3");

        assertThat(timeline.entries().get(2).summary()).isEqualTo("Left without being served");
        assertThat(timeline.figures().outcome()).isEqualTo(VisitOutcome.LEFT_WITHOUT_SERVICE);
        assertThat(timeline.figures().waitingSeconds()).isNull();
        assertThat(timeline.figures().serviceSeconds()).isNull();
        assertThat(timeline.figures().timeInHallSeconds()).isEqualTo(2460);
    }

    @Test
    void somethingOpenedOutsideAVisitStaysOutOfEveryTimeline() {
        handle(handlers,
               events.event("Consultation", "c-9", new ConsultationOpened(
                       "c-9", null, "hall-1", "clerk-2", Channel.PHONE, BusinessType.CONNECTION_INQUIRY, "cust-3",
                       "Li Lei", "13900000000", "How long does a new connection take?"), "2026-11-28T03:00:00Z"),
               events.event("Consultation", "c-9", new InquiryAnswered("c-9", "clerk-2", "cust-3", "Ten days"),
                            "2026-11-28T03:02:00Z"));

        assertThat(mongo.database().getCollection(TimelineDocument.COLLECTION).countDocuments()).isZero();
        assertThat(mongo.database().getCollection(TimelineMember.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void everyEventDeliveredAgainInAnyOrderChangesNothing() {
        List<EventMessage<?>> visit = crossMidnightVisitWithAWorkOrder();
        handle(handlers, visit);
        VisitTimeline once = timeline("v-1");

        List<EventMessage<?>> again = new ArrayList<>(visit);
        Collections.reverse(again);
        handle(handlers, again);
        handle(handlers, visit);

        assertThat(timeline("v-1")).isEqualTo(once);
    }

    @Test
    void followersOfTheVisitGetTheWholeTimelineAfterEachChangeButNotOnReplays() {
        UpdateHandlerRegistration<Object> registration = updates.registerUpdateHandler(
                new GenericSubscriptionQueryMessage<>(new FindVisitTimeline("v-1"),
                                                      ResponseTypes.optionalInstanceOf(VisitTimeline.class),
                                                      ResponseTypes.instanceOf(VisitTimeline.class)), 64);
        List<Object> received = Collections.synchronizedList(new ArrayList<>());
        registration.getUpdates().subscribe(update -> received.add(update.getPayload()));
        List<EventMessage<?>> visit = crossMidnightVisitWithAWorkOrder();

        handle(handlers, visit.get(0), visit.get(1));
        handle(handlers, visit.get(1));
        handle(handlers, TestEvents.replayed(visit.get(2)));
        handle(handlers, events.visit("v-other", new VisitStarted("v-other", "hall-1"), "2026-11-28T15:59:00Z"));

        assertThat(received).hasSize(2);
        assertThat(((VisitTimeline) received.get(1)).entries()).extracting(VisitTimeline.Entry::type)
                                                              .containsExactly("VisitStarted", "CustomerGreeted");
        registration.getRegistration().cancel();
    }

    @Test
    void anAppointmentSaysWithWhomAlsoForTheBackOfficeWhichHasNoDepartment() {
        handle(handlers,
               events.visit("v-5", new VisitStarted("v-5", "hall-1"), "2026-11-28T02:00:00Z"),
               events.visit("v-5", new RoutedToBackOffice("v-5", "guide-7"), "2026-11-28T02:01:00Z"),
               events.visit("v-5", new HandedOverToBackOffice("v-5", "guide-7", HandOverMethod.PHONE, false, "cust-5",
                                                              "Zhao Min", "13700000000"), "2026-11-28T02:02:00Z"),
               events.visit("v-5", new AppointmentBooked("v-5", "guide-7", Instant.parse("2026-12-01T02:00:00Z"),
                                                         null, "cust-5", "Zhao Min", "13700000000"),
                            "2026-11-28T02:03:00Z"),
               events.visit("v-6", new VisitStarted("v-6", "hall-1"), "2026-11-28T02:00:00Z"),
               events.visit("v-6", new RoutedToDepartment("v-6", "guide-7", "metering"), "2026-11-28T02:01:00Z"),
               events.visit("v-6", new TransferredToDepartment("v-6", "guide-7", "metering", HandOverMethod.PHONE,
                                                               false, "cust-6", "Qian Li", "13600000000"),
                            "2026-11-28T02:02:00Z"),
               events.visit("v-6", new AppointmentBooked("v-6", "guide-7", Instant.parse("2026-12-01T02:00:00Z"),
                                                         "metering", "cust-6", "Qian Li", "13600000000"),
                            "2026-11-28T02:03:00Z"));

        assertThat(timeline("v-5").entries().get(3).summary())
                .isEqualTo("Appointment booked with the back office for 2026-12-01 10:00");
        assertThat(timeline("v-6").entries().get(3).summary())
                .isEqualTo("Appointment booked with metering for 2026-12-01 10:00");
    }

    @Test
    void resettingEmptiesTheView() {
        handle(handlers, crossMidnightVisitWithAWorkOrder());

        projection.reset();

        assertThat(projection.handle(new FindVisitTimeline("v-1"))).isEmpty();
        assertThat(mongo.database().getCollection(TimelineMember.COLLECTION).countDocuments()).isZero();
    }
}
