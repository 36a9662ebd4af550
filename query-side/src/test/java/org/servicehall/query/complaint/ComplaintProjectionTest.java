package org.servicehall.query.complaint;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.Channel;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintAssigned;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintEscalated;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintLimit;
import org.servicehall.api.complaint.ComplaintLimitApproaching;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintReopened;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.complaint.ComplaintStatus;
import org.servicehall.api.complaint.DeadlineStanding;
import org.servicehall.api.complaint.FindComplaint;
import org.servicehall.api.complaint.FollowUpRecorded;
import org.servicehall.api.complaint.ListComplaints;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.platform.calendar.CalendarProperties;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.platform.testing.TestMongo;
import org.servicehall.query.support.EventFeed;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.TestHalls;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.Reads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintProjectionTest {

    /** Monday 2026-11-30, 09:00 in the hall. */
    private static final Instant MONDAY_9 = Instant.parse("2026-11-30T01:00:00Z");

    private final Reads reads = new Reads();
    private final TestMongo mongo = TestMongo.start(reads);
    private final ComplaintProjection projection = at(MONDAY_9);
    private final EventFeed feed = new EventFeed(projection);

    @AfterEach
    void close() {
        mongo.close();
    }

    /** The projection reading the board at {@code now}. */
    private ComplaintProjection at(Instant now) {
        return new ComplaintProjection(mongo.mongoTemplate(), TestHalls.at(now), TestHalls.CALENDAR,
                                       SimpleQueryUpdateEmitter.builder().build());
    }

    private static Instant hours(double hours) {
        return MONDAY_9.plusSeconds((long) (hours * 3600));
    }

    private DomainEventMessage<?> register(String id, ComplaintClass complaintClass, Instant at,
                                           Instant firstContactDue, Instant replyDue) {
        return feed.apply(id, new ComplaintRegistered(id, "visit-1", "hall-1", "clerk-1", ComplaintKind.COMPLAINT,
                                                      complaintClass, Channel.IN_PERSON, false, "customer-1",
                                                      "张三", "13812341234", "rude clerk", firstContactDue,
                                                      replyDue), at);
    }

    private static ListComplaints board() {
        return board(null, null);
    }

    private static ListComplaints board(DeadlineStanding deadline, ComplaintClass complaintClass) {
        return new ListComplaints(null, complaintClass, null, null, deadline, null, null, 0, 50);
    }

    private static List<String> ids(Page<ComplaintFollowUp> page) {
        return page.items().stream().map(ComplaintFollowUp::complaintId).toList();
    }

    private ComplaintFollowUp complaint(String id, Instant now) {
        return at(now).handle(new FindComplaint(id)).orElseThrow();
    }

    @Test
    void limitsArePendingThenAtRiskThenOverdueAsTheClockMoves() {
        register("c-1", ComplaintClass.SERVICE, MONDAY_9, hours(24), hours(7 * 24));

        assertThat(complaint("c-1", hours(1)).limits()).extracting(ComplaintFollowUp.LimitStatus::state)
                                                       .containsExactly(LimitState.PENDING, LimitState.PENDING);
        assertThat(complaint("c-1", hours(20)).limits()).extracting(ComplaintFollowUp.LimitStatus::state)
                                                        .containsExactly(LimitState.AT_RISK, LimitState.PENDING);
        ComplaintFollowUp late = complaint("c-1", hours(25));
        assertThat(late.limits()).extracting(ComplaintFollowUp.LimitStatus::state)
                                 .containsExactly(LimitState.OVERDUE, LimitState.PENDING);
        assertThat(late.nextDue().limit()).isEqualTo(ComplaintLimit.FIRST_CONTACT);
        assertThat(late.nextDue().dueAt()).isEqualTo(hours(24));

        assertThat(ids(at(hours(20)).handle(board(DeadlineStanding.AT_RISK, null)))).containsExactly("c-1");
        assertThat(ids(at(hours(20)).handle(board(DeadlineStanding.OVERDUE, null)))).isEmpty();
        assertThat(ids(at(hours(25)).handle(board(DeadlineStanding.OVERDUE, null)))).containsExactly("c-1");
        assertThat(ids(at(hours(25)).handle(board(DeadlineStanding.MISSED, null)))).containsExactly("c-1");
    }

    @Test
    void aLimitMetInTimeIsMetAndOneMetLateIsMissed() {
        register("on-time", ComplaintClass.SERVICE, MONDAY_9, hours(24), hours(168));
        register("late", ComplaintClass.SERVICE, MONDAY_9, hours(24), hours(168));
        feed.apply("on-time", new ComplaintAcknowledged("on-time", "clerk-2"), hours(2));
        feed.apply("late", new ComplaintAcknowledged("late", "clerk-2"), hours(26));

        assertThat(complaint("on-time", hours(30)).limits().get(0).state()).isEqualTo(LimitState.MET);
        ComplaintFollowUp late = complaint("late", hours(30));
        assertThat(late.limits().get(0).state()).isEqualTo(LimitState.MISSED);
        assertThat(late.limits().get(0).metAt()).isEqualTo(hours(26));
        assertThat(late.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(ids(at(hours(30)).handle(board(DeadlineStanding.MISSED, null)))).containsExactly("late");
        assertThat(ids(at(hours(30)).handle(board(DeadlineStanding.OVERDUE, null)))).isEmpty();
    }

    @Test
    void theCommandSidesWarningsAndEscalationsAreRecordedAndCount() {
        register("c-1", ComplaintClass.SERVICE, MONDAY_9, hours(24), hours(168));
        feed.apply("c-1", new ComplaintLimitApproaching("c-1", ComplaintLimit.FIRST_CONTACT, hours(24)), hours(1));

        ComplaintFollowUp warned = complaint("c-1", hours(2));
        assertThat(warned.limits().get(0).state()).isEqualTo(LimitState.AT_RISK);
        assertThat(warned.limits().get(0).warnedAt()).isEqualTo(hours(1));

        feed.apply("c-1", new ComplaintEscalated("c-1", ComplaintLimit.FIRST_CONTACT, hours(24)), hours(24));
        ComplaintFollowUp escalated = complaint("c-1", hours(23.5));
        assertThat(escalated.limits().get(0).state()).isEqualTo(LimitState.OVERDUE);
        assertThat(escalated.limits().get(0).escalatedAt()).isEqualTo(hours(24));
        assertThat(escalated.history()).extracting(ComplaintView.Step::type)
                                       .containsExactly("ComplaintRegistered", "ComplaintLimitApproaching",
                                                        "ComplaintEscalated");
    }

    @Test
    void aReopenedComplaintCountsTheReopeningAndRestartsTheReplyLimit() {
        register("c-1", ComplaintClass.BUSINESS_HANDLING, MONDAY_9, hours(24), hours(168));
        feed.apply("c-1", new ComplaintAcknowledged("c-1", "clerk-2"), hours(1));
        feed.apply("c-1", new ComplaintAssigned("c-1", "supervisor-1", "metering", "handler-9"), hours(2));
        feed.apply("c-1", new FollowUpRecorded("c-1", "handler-9", "customer-1", "called the meter team"),
                   hours(30));
        feed.apply("c-1", new ComplaintResolved("c-1", "handler-9", "customer-1", "meter replaced", hours(72)),
                   hours(48));
        feed.apply("c-1", new CallbackRecorded("c-1", "clerk-3", Satisfaction.UNSATISFIED, "customer-1", "still off"),
                   hours(50));
        feed.apply("c-1", new ComplaintReopened("c-1", "supervisor-1", "customer-1", "unsatisfied", hours(220)),
                   hours(51));

        ComplaintFollowUp reopened = complaint("c-1", hours(52));
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(reopened.handlerId()).isEqualTo("handler-9");
        assertThat(reopened.department()).isEqualTo("metering");
        assertThat(reopened.satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
        assertThat(reopened.limits()).extracting(ComplaintFollowUp.LimitStatus::limit,
                                                 ComplaintFollowUp.LimitStatus::round,
                                                 ComplaintFollowUp.LimitStatus::state)
                                     .containsExactly(
                                             org.assertj.core.groups.Tuple.tuple(ComplaintLimit.FIRST_CONTACT, 0,
                                                                                 LimitState.MET),
                                             org.assertj.core.groups.Tuple.tuple(ComplaintLimit.REPLY, 0,
                                                                                 LimitState.MET),
                                             org.assertj.core.groups.Tuple.tuple(ComplaintLimit.CALLBACK, 0,
                                                                                 LimitState.MET),
                                             org.assertj.core.groups.Tuple.tuple(ComplaintLimit.REPLY, 1,
                                                                                 LimitState.PENDING));
        assertThat(reopened.nextDue().round()).isEqualTo(1);
        assertThat(reopened.nextDue().dueAt()).isEqualTo(hours(220));
        assertThat(reopened.history()).extracting(ComplaintView.Step::type)
                                      .containsExactly("ComplaintRegistered", "ComplaintAcknowledged",
                                                       "ComplaintAssigned", "FollowUpRecorded", "ComplaintResolved",
                                                       "CallbackRecorded", "ComplaintReopened");
        assertThat(reopened.history().get(3).staffId()).isEqualTo("handler-9");

        feed.apply("c-1", new ComplaintResolved("c-1", "handler-9", "customer-1", "new line", hours(100)),
                   hours(80));
        feed.apply("c-1", new CallbackRecorded("c-1", "clerk-3", Satisfaction.SATISFIED, "customer-1", "fine"),
                   hours(90));
        ComplaintFollowUp calledBack = complaint("c-1", hours(91));
        assertThat(calledBack.status()).isEqualTo(ComplaintStatus.CALLED_BACK);
        assertThat(calledBack.callbacks()).extracting(ComplaintView.Callback::round,
                                                      ComplaintView.Callback::satisfaction)
                                          .containsExactly(
                                                  org.assertj.core.groups.Tuple.tuple(0, Satisfaction.UNSATISFIED),
                                                  org.assertj.core.groups.Tuple.tuple(1, Satisfaction.SATISFIED));
        assertThat(calledBack.nextDue()).isNull();
        assertThat(ids(at(hours(91)).handle(board(DeadlineStanding.MET, null)))).containsExactly("c-1");
    }

    @Test
    void noPersonalDataReachesTheView() {
        register("c-1", ComplaintClass.SERVICE, MONDAY_9, hours(24), hours(168));
        feed.apply("c-1", new FollowUpRecorded("c-1", "handler-9", "customer-1", "called 13812341234"), hours(1));

        String stored = mongo.database().getCollection("complaints").find().first().toJson()
                + mongo.database().getCollection("open_complaints").find().first().toJson();

        assertThat(stored).doesNotContain("张三", "13812341234", "rude clerk", "customer-1");
    }

    @Test
    void theBoardHoldsOpenComplaintsNearestDueFirstAndFilters() {
        register("later", ComplaintClass.SERVICE, MONDAY_9, hours(30), hours(168));
        register("sooner", ComplaintClass.SUPPLY_QUALITY, hours(1), hours(10), hours(168));
        register("done", ComplaintClass.SERVICE, MONDAY_9, hours(24), hours(168));
        register("no-limits", ComplaintClass.SERVICE, MONDAY_9, null, null);
        feed.apply("done", new ComplaintAcknowledged("done", "clerk-2"), hours(1));
        feed.apply("done", new ComplaintResolved("done", "clerk-2", "customer-1", "sorry", hours(40)), hours(2));
        feed.apply("done", new CallbackRecorded("done", "clerk-3", Satisfaction.SATISFIED, "customer-1", "ok"),
                   hours(3));
        feed.apply("done", new ComplaintClosed("done", "supervisor-1"), hours(4));
        feed.apply("later", new ComplaintAssigned("later", "supervisor-1", "marketing", "handler-1"), hours(2));

        assertThat(ids(at(hours(5)).handle(board()))).containsExactly("sooner", "later", "no-limits");
        assertThat(ids(at(hours(5)).handle(board(null, ComplaintClass.SERVICE)))).containsExactly("later",
                                                                                                 "no-limits");
        assertThat(ids(at(hours(5)).handle(new ListComplaints(null, null, "marketing", null, null, null, null, 0,
                                                              50)))).containsExactly("later");
        assertThat(ids(at(hours(5)).handle(new ListComplaints(ComplaintStatus.REGISTERED, null, null, "hall-1", null,
                                                              null, null, 0, 50))))
                .containsExactly("sooner", "no-limits");
        Page<ComplaintFollowUp> second = at(hours(5)).handle(new ListComplaints(null, null, null, null, null, null,
                                                                                null, 1, 2));
        assertThat(ids(second)).containsExactly("no-limits");
        assertThat(second.totalItems()).isEqualTo(3);
        assertThat(second.totalPages()).isEqualTo(2);
        assertThat(mongo.database().getCollection("open_complaints").countDocuments()).isEqualTo(3);
    }

    @Test
    void closedComplaintsAreQueriedByTheDayTheyClosedInTheHall() {
        for (String id : List.of("c-1", "c-2", "c-3")) {
            register(id, ComplaintClass.SERVICE, MONDAY_9, hours(24), hours(30));
            feed.apply(id, new ComplaintAcknowledged(id, "clerk-2"), hours(1));
            feed.apply(id, new ComplaintResolved(id, "clerk-2", "customer-1", "sorry", hours(40)),
                       id.equals("c-3") ? hours(31) : hours(2));
            feed.apply(id, new CallbackRecorded(id, "clerk-3", Satisfaction.SATISFIED, "customer-1", "ok"), hours(32));
        }
        // 2026-11-30T16:30Z is already 2026-12-01 in the hall.
        feed.apply("c-1", new ComplaintClosed("c-1", "supervisor-1"), Instant.parse("2026-11-30T15:00:00Z"));
        feed.apply("c-2", new ComplaintClosed("c-2", "supervisor-1"), Instant.parse("2026-11-30T16:30:00Z"));
        feed.apply("c-3", new ComplaintClosed("c-3", "supervisor-1"), Instant.parse("2026-11-30T17:00:00Z"));
        ComplaintProjection reader = at(Instant.parse("2026-12-03T01:00:00Z"));

        assertThat(ids(reader.handle(closed(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-30"), null))))
                .containsExactly("c-1");
        assertThat(ids(reader.handle(closed(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01"), null))))
                .containsExactly("c-3", "c-2");
        assertThat(ids(reader.handle(closed(null, null, null)))).containsExactly("c-3", "c-2", "c-1");
        assertThat(ids(reader.handle(closed(null, null, DeadlineStanding.MISSED)))).containsExactly("c-3");
        assertThat(ids(reader.handle(closed(null, null, DeadlineStanding.MET)))).containsExactly("c-2", "c-1");
        assertThat(reader.handle(board()).items()).isEmpty();
        assertThat(reader.handle(new FindComplaint("c-2")).orElseThrow().status()).isEqualTo(ComplaintStatus.CLOSED);
    }

    @Test
    void aComplaintChangedAfterItClosedIsListedOnceWithWhatItIsNow() {
        register("c-1", ComplaintClass.SERVICE, MONDAY_9, hours(24), hours(168));
        feed.apply("c-1", new ComplaintClosed("c-1", "supervisor-1"), hours(1));
        feed.apply("c-1", new ComplaintAssigned("c-1", "supervisor-1", "metering", "handler-9"), hours(2));
        ComplaintProjection reader = at(hours(3));

        assertThat(reader.handle(closed(null, null, null)).totalItems()).isEqualTo(1);
        assertThat(ids(reader.handle(new ListComplaints(ComplaintStatus.CLOSED, null, "metering", null, null, null,
                                                        null, 0, 50)))).containsExactly("c-1");

        feed.apply("c-1", new ComplaintReopened("c-1", "supervisor-1", "customer-1", "again", hours(200)), hours(4));
        assertThat(reader.handle(closed(null, null, null)).totalItems()).isZero();
        assertThat(ids(reader.handle(board()))).containsExactly("c-1");
    }

    private static ListComplaints closed(LocalDate from, LocalDate to, DeadlineStanding deadline) {
        return new ListComplaints(ComplaintStatus.CLOSED, null, null, null, deadline, from, to, 0, 50);
    }

    @Test
    void everyEventDeliveredTwiceChangesNothing() {
        List<DomainEventMessage<?>> events = List.of(
                feed.event("c-1", new ComplaintRegistered("c-1", null, "hall-1", "clerk-1", ComplaintKind.OPINION,
                                                          ComplaintClass.SERVICE, Channel.PHONE, false, "customer-1",
                                                          "张三", "138", "x", hours(24), hours(168)), MONDAY_9),
                feed.event("c-1", new ComplaintAcknowledged("c-1", "clerk-2"), hours(1)),
                feed.event("c-1", new FollowUpRecorded("c-1", "clerk-2", "customer-1", "note"), hours(2)),
                feed.event("c-1", new ComplaintResolved("c-1", "clerk-2", "customer-1", "done", hours(30)), hours(3)),
                feed.event("c-1", new CallbackRecorded("c-1", "clerk-3", Satisfaction.UNSATISFIED, "customer-1", "no"),
                           hours(4)),
                feed.event("c-1", new ComplaintReopened("c-1", "clerk-3", "customer-1", "no", hours(200)), hours(5)),
                feed.event("c-1", new ComplaintResolved("c-1", "clerk-2", "customer-1", "done", hours(30)), hours(6)),
                feed.event("c-1", new CallbackRecorded("c-1", "clerk-3", Satisfaction.SATISFIED, "customer-1", "ok"),
                           hours(7)),
                feed.event("c-1", new ComplaintClosed("c-1", "supervisor-1"), hours(8)));
        for (DomainEventMessage<?> event : events) {
            feed.handle(event, event);
        }
        // and a whole batch again, as after a crash before the token was stored
        feed.handle(events.toArray(DomainEventMessage[]::new));

        ComplaintFollowUp complaint = complaint("c-1", hours(9));
        assertThat(complaint.reopenCount()).isEqualTo(1);
        assertThat(complaint.history()).hasSize(9);
        assertThat(complaint.callbacks()).hasSize(2);
        assertThat(complaint.limits()).hasSize(5);
        assertThat(ids(at(hours(9)).handle(closed(null, null, null)))).containsExactly("c-1");
        assertThat(at(hours(9)).handle(closed(null, null, null)).totalItems()).isEqualTo(1);
        assertThat(at(hours(9)).handle(board()).items()).isEmpty();
    }

    @Test
    void theBoardReadsOnlyOpenComplaintsAndTheArchiveReadsOnlyByKey() {
        for (int i = 0; i < 30; i++) {
            String id = "c-" + i;
            register(id, ComplaintClass.SERVICE, MONDAY_9, hours(24), hours(168));
            if (i >= 3) {
                feed.apply(id, new ComplaintAcknowledged(id, "clerk-2"), hours(1));
                feed.apply(id, new ComplaintResolved(id, "clerk-2", "customer-1", "sorry", hours(40)), hours(2));
                feed.apply(id, new CallbackRecorded(id, "clerk-3", Satisfaction.SATISFIED, "customer-1", "ok"),
                           hours(3));
                feed.apply(id, new ComplaintClosed(id, "supervisor-1"), hours(4));
            }
        }
        ComplaintProjection reader = at(hours(5));

        reads.clear();
        assertThat(reader.handle(board()).totalItems()).isEqualTo(3);
        assertThat(reads.finds()).extracting(Reads.Find::collection).containsExactly("open_complaints");
        assertThat(mongo.database().getCollection("open_complaints").countDocuments()).isEqualTo(3);

        reads.clear();
        Page<ComplaintFollowUp> closed = reader.handle(new ListComplaints(ComplaintStatus.CLOSED, null, null, null,
                                                                          null, null, null, 1, 10));
        assertThat(closed.totalItems()).isEqualTo(27);
        assertThat(closed.items()).hasSize(10);
        assertThat(reads.finds()).extracting(Reads.Find::collection)
                                 .containsExactly("complaints_closed_by_day", "complaints");
        assertThat(reads.finds()).allMatch(Reads.Find::byId);

        reads.clear();
        reader.handle(new FindComplaint("c-7"));
        assertThat(reads.finds()).singleElement().matches(find -> find.collection().equals("complaints")
                && find.byId());
    }

    @Test
    void aHallsOwnWarningAndZoneDecideWhenItsComplaintsAreAtRiskAndWhichDayTheyClosedOn() {
        ServiceCalendar calendar = ServiceCalendar.of(new CalendarProperties(
                TestHalls.SHANGHAI, null, null, new CalendarProperties.ComplaintLimits(1, 7, 1, Duration.ofHours(4)),
                Map.of("hall-west", new CalendarProperties.Hall(
                        ZoneId.of("Asia/Urumqi"), null, null,
                        new CalendarProperties.HallComplaintLimits(null, null, null, Duration.ofHours(1))))));
        Instant now = hours(10);
        ComplaintProjection projection = new ComplaintProjection(
                mongo.mongoTemplate(), new HallTime(Clock.fixed(now, TestHalls.SHANGHAI), calendar, TestHalls.SHANGHAI),
                calendar, SimpleQueryUpdateEmitter.builder().build());
        EventFeed feed = new EventFeed(projection);
        for (String hall : List.of("hall-1", "hall-west")) {
            String id = "in-" + hall;
            feed.apply(id, new ComplaintRegistered(id, null, hall, "clerk-1", ComplaintKind.COMPLAINT,
                                                   ComplaintClass.SERVICE, Channel.PHONE, false, "customer-1", "x",
                                                   "y", "z", hours(12), hours(168)), MONDAY_9);
        }

        assertThat(ids(projection.handle(board(DeadlineStanding.AT_RISK, null)))).containsExactly("in-hall-1");

        // 2026-11-30T17:00Z is 12-01 01:00 in Shanghai but still 11-30 23:00 in Urumqi
        for (String hall : List.of("hall-1", "hall-west")) {
            String id = "in-" + hall;
            feed.apply(id, new ComplaintClosed(id, "supervisor-1"), Instant.parse("2026-11-30T17:00:00Z"));
        }
        assertThat(ids(projection.handle(closed(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-30"), null))))
                .containsExactly("in-hall-west");
        assertThat(ids(projection.handle(closed(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01"), null))))
                .containsExactly("in-hall-1");
    }

    @Test
    void resettingEmptiesTheView() {
        register("c-1", ComplaintClass.SERVICE, MONDAY_9, hours(24), hours(168));

        projection.reset();

        assertThat(projection.handle(new FindComplaint("c-1"))).isEmpty();
        assertThat(projection.handle(board()).items()).isEmpty();
    }
}
