package org.servicehall.query.figures;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintReopened;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.api.figures.FigureGrouping;
import org.servicehall.api.figures.FindServiceFigures;
import org.servicehall.api.visit.VisitOutcome;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.testing.TestMongo;
import org.servicehall.query.figures.ServiceFigures.Complaints;
import org.servicehall.query.figures.ServiceFigures.Consultations;
import org.servicehall.query.figures.ServiceFigures.Figures;
import org.servicehall.query.figures.ServiceFigures.Routing;
import org.servicehall.query.figures.ServiceFigures.SatisfactionFigures;
import org.servicehall.query.figures.ServiceFigures.Service;
import org.servicehall.query.figures.ServiceFigures.Waiting;
import org.servicehall.query.figures.ServiceFigures.WorkOrders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.query.figures.HallDay.AS_OF;
import static org.servicehall.query.figures.HallDay.DAY;
import static org.servicehall.query.figures.HallDay.NEXT_DAY;
import static org.servicehall.api.visit.VisitOutcome.APPOINTMENT;
import static org.servicehall.api.visit.VisitOutcome.HANDED_OVER;
import static org.servicehall.api.visit.VisitOutcome.IN_PROGRESS;
import static org.servicehall.api.visit.VisitOutcome.LEFT_WITHOUT_SERVICE;
import static org.servicehall.api.visit.VisitOutcome.SELF_SERVED;
import static org.servicehall.api.visit.VisitOutcome.SERVED;

/**
 * The figures of {@link HallDay}, computed by hand here and compared field by field. Durations in seconds; averages
 * and percentages rounded half up to one decimal; the 90th percentile by nearest rank: the value at rank
 * ceil(0.9 n) of the n values in ascending order.
 */
class FiguresProjectionTest {

    private static final Waiting NO_WAITING = new Waiting(0, null, null, null, null, 0, null);
    private static final Service NO_SERVICE = new Service(0, null, null, null, null);
    private static final Routing NO_ROUTING = new Routing(0, 0, null);
    private static final Consultations NO_CONSULTATIONS = new Consultations(0, 0, 0, null);
    private static final WorkOrders NO_WORK_ORDERS = new WorkOrders(0, 0, null, 0);
    private static final Complaints NO_COMPLAINTS = new Complaints(0, 0, null);
    private static final SatisfactionFigures NO_CALLBACKS = satisfaction(0, 0, 0);

    /**
     * Waiting over the two days: 600, 1200, 480, 720, 960, 540 (day one) and 300 (day two).
     * Sum 4800 / 7 = 685.71 s = 11.43 min; ascending 300 480 540 600 720 960 1200, rank ceil(6.3) = 7: 1200 s;
     * longer than 900 s: 1200 and 960, 2 of 7 = 28.6 %.
     */
    static final Figures TOTAL = new Figures(
            // served: v1 v2 v4 v5 v9 v10 v13 at a counter, v12 at the guide desk, v6 self-served, v7 handed over
            13, 10, 76.9,
            outcomes(SERVED, 8, SELF_SERVED, 1, HANDED_OVER, 1, APPOINTMENT, 1, LEFT_WITHOUT_SERVICE, 1,
                     IN_PROGRESS, 1),
            new Waiting(7, 685.7, 11.4, 1200.0, 20.0, 2, 28.6),
            // 540 1140 1260 1020 720 300 600: sum 5580 / 7 = 797.14 s = 13.29 min; rank 7 of the ascending: 1260
            new Service(7, 797.1, 13.3, 1260.0, 21.0),
            // routed: v1-v9 and v13 (not v10, v11, v12); a wrong judgement: v4
            new Routing(10, 1, 10.0),
            // c1 on the spot; c2, c3, c4 work orders; c5 pending: 1 / (1 + 3)
            new Consultations(5, 1, 3, 25.0),
            // wo-2 in time, wo-1 late; wo-3 open past its due time
            new WorkOrders(2, 1, 50.0, 1),
            // k1 within every limit; k2 first contact late; k3 callback late
            new Complaints(3, 1, 33.3),
            satisfaction(2, 1, 1));

    private final TestMongo mongo = TestMongo.start();
    private FiguresProjection projection = projection(Duration.ofMinutes(15));

    @AfterEach
    void close() {
        mongo.close();
    }

    private FiguresProjection projection(Duration waitingTarget) {
        return new FiguresProjection(mongo.mongoTemplate(), new FiguresProperties(waitingTarget),
                                     HallDay.calendar());
    }

    private void deliver(List<EventMessage<?>> events) throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        for (EventMessage<?> event : events) {
            handlers.handle(event);
        }
    }

    private ServiceFigures figures(FigureGrouping groupBy) {
        return projection.handle(new FindServiceFigures("hall-1", DAY, NEXT_DAY, groupBy, AS_OF));
    }

    @Test
    void byDayEveryFigureIsAsComputedByHand() throws Exception {
        deliver(HallDay.history());

        ServiceFigures figures = figures(FigureGrouping.DAY);

        assertThat(figures.groupBy()).isEqualTo("day");
        assertThat(figures.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(figures.waitingTargetSeconds()).isEqualTo(900.0);
        assertThat(figures.waitingTargetMinutes()).isEqualTo(15.0);
        assertRows(figures, Map.of(
                // v1-v12: v9 crossed midnight and v10 arrived at 23:30 UTC the day before, both count here
                "2026-11-27", new Figures(
                        12, 9, 75.0, // v1 v2 v4 v5 v9 v10 at a counter, v12 at the guide desk, v6, v7: 9 / 12
                        outcomes(SERVED, 7, SELF_SERVED, 1, HANDED_OVER, 1, APPOINTMENT, 1,
                                 LEFT_WITHOUT_SERVICE, 1, IN_PROGRESS, 1),
                        // 600 1200 480 720 960 540: sum 4500 / 6 = 750 s = 12.5 min; rank ceil(5.4) = 6: 1200;
                        // over 900 s: 1200, 960: 2 / 6
                        new Waiting(6, 750.0, 12.5, 1200.0, 20.0, 2, 33.3),
                        // 540 1140 1260 1020 720 300: sum 4980 / 6 = 830 s = 13.83 min; rank 6: 1260
                        new Service(6, 830.0, 13.8, 1260.0, 21.0),
                        new Routing(9, 1, 11.1), // v1-v9, v4 wrong: 1 / 9
                        new Consultations(5, 1, 3, 25.0),
                        // completed this day: wo-2 (in time); due this day and still open: wo-3
                        new WorkOrders(1, 1, 100.0, 1),
                        new Complaints(2, 1, 50.0), // k1 in time, k3 not
                        satisfaction(2, 0, 0)), // k1, k3
                "2026-11-28", new Figures(
                        1, 1, 100.0, outcomes(SERVED, 1), // v13
                        new Waiting(1, 300.0, 5.0, 300.0, 5.0, 0, 0.0),
                        new Service(1, 600.0, 10.0, 600.0, 10.0),
                        new Routing(1, 0, 0.0),
                        NO_CONSULTATIONS,
                        new WorkOrders(1, 0, 0.0, 0), // wo-1 completed late
                        new Complaints(1, 0, 0.0), // k2
                        satisfaction(0, 1, 1))), // k2 twice
                   List.of("2026-11-27", "2026-11-28"));
        assertThat(figures.total()).usingRecursiveComparison().isEqualTo(TOTAL);
    }

    @Test
    void byBusinessTypeEveryFigureIsAsComputedByHand() throws Exception {
        deliver(HallDay.history());

        ServiceFigures figures = figures(FigureGrouping.BUSINESS_TYPE);

        Map<String, Figures> expected = new HashMap<>();
        expected.put("NEW_CONNECTION", new Figures(
                3, 3, 100.0, outcomes(SERVED, 2, HANDED_OVER, 1), // v2 v4 v7
                // 1200 480: 1680 / 2 = 840 s = 14 min; rank ceil(1.8) = 2: 1200; over: 1200
                new Waiting(2, 840.0, 14.0, 1200.0, 20.0, 1, 50.0),
                new Service(2, 1200.0, 20.0, 1260.0, 21.0), // 1140 1260
                new Routing(3, 1, 33.3), // v4
                new Consultations(1, 0, 1, 0.0), // c2
                new WorkOrders(1, 0, 0.0, 0), // wo-1 late
                NO_COMPLAINTS, NO_CALLBACKS));
        expected.put("CAPACITY_INCREASE", new Figures(
                1, 0, 0.0, outcomes(APPOINTMENT, 1), // v8
                NO_WAITING, NO_SERVICE, new Routing(1, 0, 0.0), NO_CONSULTATIONS, NO_WORK_ORDERS, NO_COMPLAINTS,
                NO_CALLBACKS));
        expected.put("METER_TEST", new Figures(
                1, 1, 100.0, outcomes(SERVED, 1), // v10: no need identified, its ticket's type
                new Waiting(1, 540.0, 9.0, 540.0, 9.0, 0, 0.0),
                new Service(1, 300.0, 5.0, 300.0, 5.0),
                NO_ROUTING, NO_CONSULTATIONS, NO_WORK_ORDERS, NO_COMPLAINTS, NO_CALLBACKS));
        expected.put("CONNECTION_INQUIRY", new Figures(
                0, 0, null, outcomes(),
                NO_WAITING, NO_SERVICE, NO_ROUTING,
                new Consultations(1, 0, 1, 0.0), // c4
                new WorkOrders(0, 0, null, 1), // wo-3 open past its due time
                NO_COMPLAINTS, NO_CALLBACKS));
        expected.put("BILLING_INQUIRY", new Figures(
                5, 3, 60.0, outcomes(SERVED, 3, LEFT_WITHOUT_SERVICE, 1, IN_PROGRESS, 1), // v1 v3 v9 v11 v13
                // 600 960 300: 1860 / 3 = 620 s = 10.33 min; rank ceil(2.7) = 3: 960; over: 960
                new Waiting(3, 620.0, 10.3, 960.0, 16.0, 1, 33.3),
                new Service(3, 620.0, 10.3, 720.0, 12.0), // 540 720 600
                new Routing(4, 0, 0.0), // v1 v3 v9 v13
                new Consultations(3, 1, 1, 50.0), // c1 on the spot, c3 work order, c5 pending
                new WorkOrders(1, 1, 100.0, 0), // wo-2
                NO_COMPLAINTS, NO_CALLBACKS));
        expected.put("BILL_PAYMENT", new Figures(
                2, 2, 100.0, outcomes(SERVED, 1, SELF_SERVED, 1), // v5 (need changed), v6
                new Waiting(1, 720.0, 12.0, 720.0, 12.0, 0, 0.0),
                new Service(1, 1020.0, 17.0, 1020.0, 17.0),
                new Routing(2, 0, 0.0), // a re-routing for a changed need is no error
                NO_CONSULTATIONS, NO_WORK_ORDERS, NO_COMPLAINTS, NO_CALLBACKS));
        expected.put("COMPLAINT", new Figures(
                0, 0, null, outcomes(), NO_WAITING, NO_SERVICE, NO_ROUTING, NO_CONSULTATIONS, NO_WORK_ORDERS,
                new Complaints(3, 1, 33.3), satisfaction(2, 1, 1)));
        expected.put(null, new Figures(
                1, 1, 100.0, outcomes(SERVED, 1), // v12, helped at the guide desk
                NO_WAITING, NO_SERVICE, NO_ROUTING, NO_CONSULTATIONS, NO_WORK_ORDERS, NO_COMPLAINTS, NO_CALLBACKS));
        List<String> order = new ArrayList<>(List.of("NEW_CONNECTION", "CAPACITY_INCREASE", "METER_TEST",
                                                     "CONNECTION_INQUIRY", "BILLING_INQUIRY", "BILL_PAYMENT",
                                                     "COMPLAINT"));
        order.add(null);
        assertRows(figures, expected, order);
        assertThat(figures.total()).usingRecursiveComparison().isEqualTo(TOTAL);
    }

    @Test
    void byStaffEveryFigureIsAsComputedByHand() throws Exception {
        deliver(HallDay.history());

        ServiceFigures figures = figures(FigureGrouping.STAFF);

        Map<String, Figures> expected = new HashMap<>();
        expected.put("clerk-A", new Figures(
                4, 4, 100.0, outcomes(SERVED, 4), // first calls of v1 v4 v9 v13
                // 600 480 960 300: 2340 / 4 = 585 s = 9.75 min; rank ceil(3.6) = 4: 960; over: 960
                new Waiting(4, 585.0, 9.8, 960.0, 16.0, 1, 25.0),
                new Service(4, 780.0, 13.0, 1260.0, 21.0), // 540 1260 720 600: 3120 / 4
                NO_ROUTING,
                new Consultations(2, 1, 1, 50.0), // c1, c2
                new WorkOrders(1, 0, 0.0, 0), // wo-1 late
                new Complaints(2, 1, 50.0), // k1, k3
                satisfaction(2, 0, 0)));
        expected.put("clerk-B", new Figures(
                2, 2, 100.0, outcomes(SERVED, 2), // v2, v5 (first call; clerk-C made the second)
                new Waiting(2, 960.0, 16.0, 1200.0, 20.0, 1, 50.0), // 1200 720
                new Service(2, 1080.0, 18.0, 1140.0, 19.0), // 1140 1020
                NO_ROUTING, // re-routed v5, but guide-1 routed it first
                new Consultations(2, 0, 1, 0.0), // c3 work order, c5 pending
                new WorkOrders(1, 1, 100.0, 0), // wo-2
                new Complaints(1, 0, 0.0), // k2
                satisfaction(0, 1, 1)));
        expected.put("clerk-C", new Figures(
                1, 1, 100.0, outcomes(SERVED, 1), // v10
                new Waiting(1, 540.0, 9.0, 540.0, 9.0, 0, 0.0),
                new Service(1, 300.0, 5.0, 300.0, 5.0),
                NO_ROUTING,
                new Consultations(1, 0, 1, 0.0), // c4
                new WorkOrders(0, 0, null, 1), // wo-3
                NO_COMPLAINTS, NO_CALLBACKS));
        expected.put("guide-1", new Figures(
                0, 0, null, outcomes(), NO_WAITING, NO_SERVICE,
                new Routing(6, 0, 0.0), // v1 v2 v5 v6 v9 v13
                NO_CONSULTATIONS, NO_WORK_ORDERS, NO_COMPLAINTS, NO_CALLBACKS));
        expected.put("guide-2", new Figures(
                0, 0, null, outcomes(), NO_WAITING, NO_SERVICE,
                new Routing(4, 1, 25.0), // v3 v4 v7 v8; v4 a wrong judgement
                NO_CONSULTATIONS, NO_WORK_ORDERS, NO_COMPLAINTS, NO_CALLBACKS));
        expected.put(null, new Figures(
                6, 3, 50.0, // never called to a counter: v3 v6 v7 v8 v11 v12; served: v6, v7, v12
                outcomes(SERVED, 1, SELF_SERVED, 1, HANDED_OVER, 1, APPOINTMENT, 1, LEFT_WITHOUT_SERVICE, 1,
                         IN_PROGRESS, 1),
                NO_WAITING, NO_SERVICE, NO_ROUTING, NO_CONSULTATIONS, NO_WORK_ORDERS, NO_COMPLAINTS,
                NO_CALLBACKS));
        List<String> order = new ArrayList<>(List.of("clerk-A", "clerk-B", "clerk-C", "guide-1", "guide-2"));
        order.add(null);
        assertRows(figures, expected, order);
        assertThat(figures.total()).usingRecursiveComparison().isEqualTo(TOTAL);
    }

    @Test
    void aDayWithNothingStillHasItsRowAndAnotherHallSeesNothingOfThisOne() throws Exception {
        deliver(HallDay.history());

        ServiceFigures quiet = projection.handle(new FindServiceFigures("hall-1", DAY.minusDays(1), DAY.minusDays(1),
                                                                        FigureGrouping.DAY, AS_OF));
        ServiceFigures otherHall = projection.handle(new FindServiceFigures("hall-2", DAY, DAY,
                                                                            FigureGrouping.STAFF, AS_OF));

        Figures nothing = new Figures(0, 0, null, outcomes(), NO_WAITING, NO_SERVICE, NO_ROUTING, NO_CONSULTATIONS,
                                      NO_WORK_ORDERS, NO_COMPLAINTS, NO_CALLBACKS);
        assertThat(quiet.rows()).hasSize(1);
        assertThat(quiet.rows().get(0).group()).isEqualTo("2026-11-26");
        assertThat(quiet.rows().get(0).figures()).usingRecursiveComparison().isEqualTo(nothing);
        assertThat(otherHall.rows()).extracting(ServiceFigures.Row::group).containsExactly("clerk-Z");
        assertThat(otherHall.total().arrivals()).isEqualTo(1);
        assertThat(otherHall.total().waiting().averageSeconds()).isEqualTo(3480.0);
    }

    @Test
    void daysAreLocalDatesInTheZoneOfEachHall() throws Exception {
        // 17:00 UTC: 23:00 on the 27th in Urumqi, already 01:00 on the 28th in Shanghai
        Instant evening = Instant.parse("2026-11-27T17:00:00Z");
        HallDay visits = new HallDay();
        visits.on("west", evening, new VisitStarted("west", "west-1"));
        visits.on("east", evening, new VisitStarted("east", "hall-1"));

        deliver(visits.events());

        ServiceFigures west = projection.handle(new FindServiceFigures("west-1", DAY, NEXT_DAY, FigureGrouping.DAY,
                                                                       AS_OF));
        assertThat(west.timeZone()).isEqualTo("Asia/Urumqi");
        assertThat(west.rows()).extracting(row -> row.figures().arrivals()).containsExactly(1L, 0L);
        assertThat(figures(FigureGrouping.DAY).rows()).extracting(row -> row.figures().arrivals())
                                                      .containsExactly(0L, 1L);
    }

    @Test
    void theWaitingTargetIsAppliedWhenFiguresAreRead() throws Exception {
        deliver(HallDay.history());
        projection = projection(Duration.ofMinutes(10));

        Waiting waiting = figures(FigureGrouping.DAY).total().waiting();

        // longer than 600 s: 1200, 720, 960 (600 itself is not longer)
        assertThat(waiting.overTarget()).isEqualTo(3);
        assertThat(waiting.overTargetPercent()).isEqualTo(42.9);
    }

    @Test
    void deliveringEventsAgainChangesNothing() throws Exception {
        List<EventMessage<?>> history = HallDay.history();
        deliver(history);
        ServiceFigures once = figures(FigureGrouping.STAFF);

        // A processor that fails mid-batch delivers the batch again from its last stored token
        deliver(history.subList(history.size() / 3, history.size()));
        deliver(history);

        assertThat(figures(FigureGrouping.STAFF)).usingRecursiveComparison().isEqualTo(once);
    }

    @Test
    void everyEventTwiceInARowGivesTheSameFigures() throws Exception {
        List<EventMessage<?>> twice = new ArrayList<>();
        for (EventMessage<?> event : HallDay.history()) {
            twice.add(event);
            twice.add(event);
        }

        deliver(twice);

        assertThat(figures(FigureGrouping.DAY).total()).usingRecursiveComparison().isEqualTo(TOTAL);
    }

    @Test
    void theInterleavingOfDifferentAggregatesDoesNotMatter() throws Exception {
        // Each aggregate's events stay in order (as a processor delivers them); the aggregates interleave at random.
        Map<String, List<EventMessage<?>>> byAggregate = new LinkedHashMap<>();
        for (EventMessage<?> event : HallDay.history()) {
            byAggregate.computeIfAbsent(((DomainEventMessage<?>) event).getAggregateIdentifier(),
                                        id -> new ArrayList<>()).add(event);
        }
        List<List<EventMessage<?>>> queues = new ArrayList<>(byAggregate.values());
        Random random = new Random(42);
        List<EventMessage<?>> interleaved = new ArrayList<>();
        while (!queues.isEmpty()) {
            List<EventMessage<?>> queue = queues.get(random.nextInt(queues.size()));
            interleaved.add(queue.remove(0));
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }

        deliver(interleaved);

        assertThat(figures(FigureGrouping.DAY).total()).usingRecursiveComparison().isEqualTo(TOTAL);
    }

    @Test
    void aResetEmptiesTheFiguresAndTheSameEventsRebuildThem() throws Exception {
        List<EventMessage<?>> history = HallDay.history();
        deliver(history);
        ServiceFigures before = figures(FigureGrouping.BUSINESS_TYPE);

        projection.reset();
        assertThat(figures(FigureGrouping.DAY).total().arrivals()).isZero();
        deliver(history);

        assertThat(figures(FigureGrouping.BUSINESS_TYPE)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aComplaintReopenedAfterItWasClosedCountsOnlyWhereItWasClosedLast() throws Exception {
        HallDay complaint = new HallDay();
        complaint.registered("k9", "clerk-A", HallDay.at(DAY, "09:00"), HallDay.at(NEXT_DAY, "09:00"),
                             HallDay.at(DAY.plusDays(7), "09:00"));
        complaint.on("k9", HallDay.at(DAY, "10:00"), new ComplaintResolved("k9", "handler", "cust", "resolution",
                                                                           HallDay.at(NEXT_DAY, "10:00")));
        complaint.on("k9", HallDay.at(DAY, "11:00"), new CallbackRecorded("k9", "clerk-A", Satisfaction.SATISFIED,
                                                                          "cust", "note"));
        complaint.on("k9", HallDay.at(DAY, "11:05"), new ComplaintClosed("k9", "clerk-A"));
        complaint.on("k9", HallDay.at(NEXT_DAY, "09:00"), new ComplaintReopened("k9", "clerk-A", "cust", "reason",
                                                                                HallDay.at(NEXT_DAY, "18:00")));
        complaint.on("k9", HallDay.at(NEXT_DAY, "19:00"), new ComplaintResolved("k9", "handler", "cust", "again",
                                                                                HallDay.at(NEXT_DAY, "20:00")));
        complaint.on("k9", HallDay.at(NEXT_DAY, "19:30"), new CallbackRecorded("k9", "clerk-A",
                                                                               Satisfaction.BASICALLY_SATISFIED,
                                                                               "cust", "note"));
        complaint.on("k9", HallDay.at(NEXT_DAY, "19:35"), new ComplaintClosed("k9", "clerk-A"));

        deliver(complaint.events());

        List<ServiceFigures.Row> rows = figures(FigureGrouping.DAY).rows();
        // the first contact (the first resolution) was in time, the second reply (19:00 against 18:00) was not
        assertThat(rows.get(0).figures().complaints()).isEqualTo(NO_COMPLAINTS);
        assertThat(rows.get(1).figures().complaints()).isEqualTo(new Complaints(1, 0, 0.0));
        // each callback stays on the day it was recorded
        assertThat(rows.get(0).figures().satisfaction()).isEqualTo(satisfaction(1, 0, 0));
        assertThat(rows.get(1).figures().satisfaction()).isEqualTo(satisfaction(0, 1, 0));
    }

    private static void assertRows(ServiceFigures figures, Map<String, Figures> expected, List<String> order) {
        assertThat(figures.rows()).extracting(ServiceFigures.Row::group).containsExactlyElementsOf(order);
        for (ServiceFigures.Row row : figures.rows()) {
            assertThat(row.figures()).as("figures of group %s", row.group())
                                     .usingRecursiveComparison().isEqualTo(expected.get(row.group()));
        }
    }

    private static Map<VisitOutcome, Long> outcomes(Object... outcomeAndCount) {
        Map<VisitOutcome, Long> outcomes = new EnumMap<>(VisitOutcome.class);
        for (VisitOutcome outcome : VisitOutcome.values()) {
            outcomes.put(outcome, 0L);
        }
        for (int i = 0; i < outcomeAndCount.length; i += 2) {
            outcomes.put((VisitOutcome) outcomeAndCount[i], ((Integer) outcomeAndCount[i + 1]).longValue());
        }
        return outcomes;
    }

    private static SatisfactionFigures satisfaction(long satisfied, long basicallySatisfied, long unsatisfied) {
        Map<Satisfaction, Long> levels = new EnumMap<>(Satisfaction.class);
        levels.put(Satisfaction.SATISFIED, satisfied);
        levels.put(Satisfaction.BASICALLY_SATISFIED, basicallySatisfied);
        levels.put(Satisfaction.UNSATISFIED, unsatisfied);
        return new SatisfactionFigures(satisfied + basicallySatisfied + unsatisfied, levels);
    }
}
