package org.servicehall.query.visit;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.query.support.Page;
import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerRerouted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RerouteReason;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.SearchVisits;
import org.servicehall.api.visit.VisitOutcome;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.testing.TestMongo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.query.visit.TestEvents.handle;

/** Events in, searches out. Days are local dates in Shanghai (UTC+8). */
class VisitSearchProjectionTest {

    private final TestMongo mongo = TestMongo.start();
    private final VisitSearchProjection projection = new VisitSearchProjection(mongo.mongoTemplate(),
                                                                               TestEvents.calendar());
    private final AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
    private final TestEvents events = new TestEvents();
    private final List<EventMessage<?>> history = new ArrayList<>();

    @BeforeEach
    void somePeopleVisitTheHalls() {
        // 09:00 local: waits 20 minutes to pay a bill
        record(events.visit("v-a", new VisitStarted("v-a", "hall-1"), "2026-11-28T01:00:00Z"),
               events.visit("v-a", new QueueTicketIssued("v-a", "B001", BusinessType.BILL_PAYMENT),
                            "2026-11-28T01:01:00Z"),
               events.visit("v-a", new CounterCalled("v-a", "cashier-1", "5", "B001"), "2026-11-28T01:21:00Z"),
               events.visit("v-a", new CustomerSeenOff("v-a", "cashier-1", true), "2026-11-28T01:25:00Z"));
        // 23:50 to 00:20 local: a billing question, answered by clerk-3; stays on the 28th
        record(events.visit("v-b", new VisitStarted("v-b", "hall-1"), "2026-11-28T15:50:00Z"),
               events.visit("v-b", new NeedIdentified("v-b", "guide-7", BusinessType.BILLING_INQUIRY),
                            "2026-11-28T15:50:30Z"),
               events.visit("v-b", new RoutedToCounter("v-b", "guide-7", "3"), "2026-11-28T15:51:00Z"),
               events.visit("v-b", new QueueTicketIssued("v-b", "A001", BusinessType.BILLING_INQUIRY),
                            "2026-11-28T15:52:00Z"),
               events.visit("v-b", new CounterCalled("v-b", "clerk-3", "3", "A001"), "2026-11-28T15:57:00Z"),
               events.event("Consultation", "c-1", new ConsultationOpened(
                       "c-1", "v-b", "hall-1", "clerk-3", Channel.IN_PERSON, BusinessType.BILLING_INQUIRY, "cust-1",
                       "Wang Fang", "13800000000", "Why so high?"), "2026-11-28T15:58:00Z"),
               events.visit("v-b", new CustomerSeenOff("v-b", "clerk-3", true), "2026-11-28T16:20:00Z"));
        // 00:30 local on the 29th (still the 28th in UTC): leaves after 40 minutes
        record(events.visit("v-c", new VisitStarted("v-c", "hall-1"), "2026-11-28T16:30:00Z"),
               events.visit("v-c", new QueueTicketIssued("v-c", "A002", BusinessType.NEW_CONNECTION),
                            "2026-11-28T16:31:00Z"),
               events.visit("v-c", new CustomerLeftWithoutService("v-c", "guide-7"), "2026-11-28T17:10:00Z"));
        // another hall: sent to the wrong counter first, then to self-service
        record(events.visit("v-d", new VisitStarted("v-d", "hall-2"), "2026-11-28T02:00:00Z"),
               events.visit("v-d", new RoutedToCounter("v-d", "guide-9", "1"), "2026-11-28T02:01:00Z"),
               events.visit("v-d", new CustomerRerouted("v-d", "guide-9", RerouteReason.WRONG_JUDGEMENT,
                                                        Destination.SELF_SERVICE, null, null),
                            "2026-11-28T02:03:00Z"),
               events.visit("v-d", new CustomerSeenOff("v-d", "guide-9", true), "2026-11-28T02:15:00Z"));
        // still waiting
        record(events.visit("v-e", new VisitStarted("v-e", "hall-1"), "2026-11-28T03:00:00Z"),
               events.visit("v-e", new QueueTicketIssued("v-e", "B002", BusinessType.BILL_PAYMENT),
                            "2026-11-28T03:00:30Z"));
    }

    private void record(EventMessage<?>... visit) {
        history.addAll(List.of(visit));
        handle(handlers, visit);
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    private static SearchBuilder search(String... halls) {
        return new SearchBuilder(List.of(halls));
    }

    /** Everything matches, oldest first, one big page, until a test says otherwise. */
    private static final class SearchBuilder {
        private final List<String> halls;
        private LocalDate from;
        private LocalDate to;
        private BusinessType businessType;
        private String staff;
        private VisitOutcome outcome;
        private Duration minWait;
        private Boolean routingError;
        private SearchVisits.Order order = SearchVisits.Order.ARRIVED_AT;
        private boolean descending;
        private int page;
        private int size = 100;

        SearchBuilder(List<String> halls) {
            this.halls = halls;
        }

        SearchBuilder days(String from, String to) {
            this.from = LocalDate.parse(from);
            this.to = LocalDate.parse(to);
            return this;
        }

        SearchBuilder businessType(BusinessType businessType) {
            this.businessType = businessType;
            return this;
        }

        SearchBuilder staff(String staff) {
            this.staff = staff;
            return this;
        }

        SearchBuilder outcome(VisitOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        SearchBuilder minWait(Duration minWait) {
            this.minWait = minWait;
            return this;
        }

        SearchBuilder routingError(boolean routingError) {
            this.routingError = routingError;
            return this;
        }

        SearchBuilder order(SearchVisits.Order order, boolean descending) {
            this.order = order;
            this.descending = descending;
            return this;
        }

        SearchBuilder page(int page, int size) {
            this.page = page;
            this.size = size;
            return this;
        }

        SearchVisits build() {
            return new SearchVisits(halls, from, to, businessType, staff, outcome, minWait, routingError, order,
                                    descending, page, size);
        }
    }

    private List<String> ids(SearchVisits search) {
        return projection.handle(search).items().stream().map(VisitSummary::visitId).toList();
    }

    @Test
    void aVisitBelongsToTheLocalDayItStartedOnEvenWhenItRunsPastMidnight() {
        assertThat(ids(search("hall-1").days("2026-11-28", "2026-11-28").build()))
                .containsExactly("v-a", "v-e", "v-b");
        assertThat(ids(search("hall-1").days("2026-11-29", "2026-11-29").build())).containsExactly("v-c");
        assertThat(ids(search("hall-1", "hall-2").days("2026-11-28", "2026-11-29").build()))
                .containsExactly("v-a", "v-d", "v-e", "v-b", "v-c");
        assertThat(ids(search("hall-3").days("2026-11-28", "2026-11-29").build())).isEmpty();

        VisitSummary crossMidnight = projection.handle(search("hall-1").days("2026-11-28", "2026-11-28").build())
                                               .items().get(2);
        assertThat(crossMidnight.day()).isEqualTo("2026-11-28");
        assertThat(crossMidnight.businessTypes()).containsExactly(BusinessType.BILLING_INQUIRY);
        assertThat(crossMidnight.staffIds()).containsExactlyInAnyOrder("guide-7", "clerk-3");
        assertThat(crossMidnight.figures().waitingSeconds()).isEqualTo(300);
        assertThat(crossMidnight.figures().serviceSeconds()).isEqualTo(1380);
        assertThat(crossMidnight.figures().timeInHallSeconds()).isEqualTo(1800);
    }

    @Test
    void aHallWithAZoneOfItsOwnCountsItsDaysThere() {
        handle(handlers, events.visit("v-u", new VisitStarted("v-u", "hall-utc"), "2026-11-28T20:00:00Z"));

        assertThat(ids(search("hall-utc").days("2026-11-28", "2026-11-28").build())).containsExactly("v-u");
        assertThat(ids(search("hall-utc").days("2026-11-29", "2026-11-29").build())).isEmpty();
    }

    @Test
    void filtersNarrowTheDaysVisits() {
        SearchBuilder both = search("hall-1", "hall-2").days("2026-11-28", "2026-11-29");
        assertThat(ids(both.businessType(BusinessType.BILLING_INQUIRY).build())).containsExactly("v-b");
        assertThat(ids(search("hall-1").days("2026-11-28", "2026-11-29").staff("clerk-3").build()))
                .containsExactly("v-b");
        assertThat(ids(search("hall-1").days("2026-11-28", "2026-11-29").staff("guide-7").build()))
                .containsExactly("v-b", "v-c");
        assertThat(ids(search("hall-1").days("2026-11-28", "2026-11-29").outcome(VisitOutcome.IN_PROGRESS)
                                       .build())).containsExactly("v-e");
        assertThat(ids(search("hall-1").days("2026-11-28", "2026-11-29")
                                       .outcome(VisitOutcome.LEFT_WITHOUT_SERVICE).build()))
                .containsExactly("v-c");
        assertThat(ids(search("hall-2").days("2026-11-28", "2026-11-28").outcome(VisitOutcome.SELF_SERVED)
                                       .build())).containsExactly("v-d");
        assertThat(ids(search("hall-1", "hall-2").days("2026-11-28", "2026-11-29").minWait(Duration.ofMinutes(15))
                                                 .build())).containsExactly("v-a");
        assertThat(ids(search("hall-1", "hall-2").days("2026-11-28", "2026-11-29").routingError(true).build()))
                .containsExactly("v-d");
        assertThat(ids(search("hall-1", "hall-2").days("2026-11-28", "2026-11-29").routingError(false).build()))
                .containsExactly("v-a", "v-e", "v-b", "v-c");
    }

    @Test
    void visitsAreSortedWithThoseLackingTheFigureLastAndPaged() {
        SearchBuilder hall1 = search("hall-1").days("2026-11-28", "2026-11-29");
        assertThat(ids(hall1.order(SearchVisits.Order.WAITING_TIME, true).build()))
                .containsExactly("v-a", "v-b", "v-e", "v-c");
        assertThat(ids(hall1.order(SearchVisits.Order.WAITING_TIME, false).build()))
                .containsExactly("v-b", "v-a", "v-e", "v-c");
        assertThat(ids(hall1.order(SearchVisits.Order.TIME_IN_HALL, true).build()))
                .containsExactly("v-c", "v-b", "v-a", "v-e");
        assertThat(ids(hall1.order(SearchVisits.Order.ARRIVED_AT, true).build()))
                .containsExactly("v-c", "v-b", "v-e", "v-a");

        Page<VisitSummary> first = projection.handle(hall1.order(SearchVisits.Order.WAITING_TIME, true).page(0, 3).build());
        Page<VisitSummary> second = projection.handle(hall1.page(1, 3).build());
        Page<VisitSummary> beyond = projection.handle(hall1.page(5, 3).build());
        assertThat(first.items()).extracting(VisitSummary::visitId).containsExactly("v-a", "v-b", "v-e");
        assertThat(second.items()).extracting(VisitSummary::visitId).containsExactly("v-c");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.totalItems(), (long) first.totalPages(), (long) second.page(), (long) second.size()))
                .containsExactly(4L, 2L, 1L, 3L);
    }

    @Test
    void theSameEventsDeliveredAgainChangeNothing() {
        SearchVisits everything = search("hall-1", "hall-2").days("2026-11-28", "2026-11-29").build();
        Page<VisitSummary> once = projection.handle(everything);

        handle(handlers, history);
        handle(handlers, history.get(0), history.get(0));

        assertThat(projection.handle(everything)).isEqualTo(once);
        VisitDay day = mongo.mongoTemplate().findById(VisitDay.idOf("hall-1", LocalDate.parse("2026-11-28")),
                                                      VisitDay.class);
        assertThat(day.visits().keySet()).containsExactlyInAnyOrder("v-a", "v-b", "v-e");
    }

    @Test
    void resettingEmptiesTheView() {
        projection.reset();

        assertThat(ids(search("hall-1", "hall-2").days("2026-11-28", "2026-11-29").build())).isEmpty();
        assertThat(mongo.database().getCollection(SummaryDocument.COLLECTION).countDocuments()).isZero();
    }
}
