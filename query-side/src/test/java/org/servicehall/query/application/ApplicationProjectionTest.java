package org.servicehall.query.application;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.application.ApplicationAccepted;
import org.servicehall.api.application.ApplicationCompleted;
import org.servicehall.api.application.ApplicationForwarded;
import org.servicehall.api.application.ApplicationRejected;
import org.servicehall.api.application.ApplicationStatus;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.application.ApplicationWithdrawn;
import org.servicehall.api.application.DocumentsVerified;
import org.servicehall.api.application.FindApplication;
import org.servicehall.api.application.ListApplications;
import org.servicehall.api.application.MissingDocumentsNotified;
import org.servicehall.platform.testing.TestMongo;
import org.servicehall.query.support.EventFeed;
import org.servicehall.query.support.TestHalls;
import org.servicehall.query.support.Page;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationProjectionTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-11-30T01:00:00Z");

    private final TestMongo mongo = TestMongo.start();
    private final ApplicationProjection projection = at(MONDAY_9);
    private final EventFeed feed = new EventFeed(projection);

    @AfterEach
    void close() {
        mongo.close();
    }

    private ApplicationProjection at(Instant now) {
        return new ApplicationProjection(mongo.mongoTemplate(), TestHalls.at(now));
    }

    private static Instant days(double days) {
        return MONDAY_9.plusSeconds((long) (days * 86400));
    }

    private void submit(String id, String hallId, BusinessType type) {
        feed.apply(id, new ApplicationSubmitted(id, "visit-1", hallId, "clerk-1", type, "customer-1", "张三",
                                                "13812341234", "0123456789"), MONDAY_9);
    }

    private void accept(String id, String promised) {
        feed.apply(id, new ApplicationAccepted(id, "clerk-1", "A-" + id, LocalDate.parse(promised)), days(0.1));
    }

    private static List<String> ids(Page<ApplicationProgress> page) {
        return page.items().stream().map(ApplicationProgress::applicationId).toList();
    }

    private static ListApplications list(ApplicationStatus status, String hallId, BusinessType type) {
        return new ListApplications(status, hallId, type, null, null, 0, 50);
    }

    @Test
    void openApplicationsComeByStatusWithTheirPromisedDatesEarliestFirst() {
        submit("a-1", "hall-1", BusinessType.NEW_CONNECTION);
        submit("a-2", "hall-1", BusinessType.CAPACITY_INCREASE);
        submit("a-3", "hall-2", BusinessType.NEW_CONNECTION);
        submit("a-4", "hall-1", BusinessType.METER_TEST);
        feed.apply("a-1", new MissingDocumentsNotified("a-1", "clerk-1", List.of("ID card", "property deed")),
                   days(0.05));
        feed.apply("a-1", new DocumentsVerified("a-1", "clerk-1"), days(0.07));
        accept("a-1", "2026-12-15");
        accept("a-2", "2026-12-05");
        feed.apply("a-2", new ApplicationForwarded("a-2", "clerk-1", "back-office"), days(0.2));
        feed.apply("a-4", new MissingDocumentsNotified("a-4", "clerk-1", List.of("meter photo")), days(0.05));

        assertThat(ids(projection.handle(list(null, null, null)))).containsExactly("a-2", "a-1", "a-3", "a-4");
        assertThat(ids(projection.handle(list(ApplicationStatus.DOCUMENTS_MISSING, null, null))))
                .containsExactly("a-4");
        assertThat(ids(projection.handle(list(null, "hall-1", BusinessType.NEW_CONNECTION)))).containsExactly("a-1");
        ApplicationProgress a1 = projection.handle(new FindApplication("a-1")).orElseThrow();
        assertThat(a1.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(a1.applicationNumber()).isEqualTo("A-a-1");
        assertThat(a1.promisedCompletionDate()).isEqualTo(LocalDate.parse("2026-12-15"));
        assertThat(a1.missingDocuments()).containsExactly("ID card", "property deed");
        assertThat(a1.late()).isFalse();
        ApplicationProgress a2 = projection.handle(new FindApplication("a-2")).orElseThrow();
        assertThat(a2.status()).isEqualTo(ApplicationStatus.FORWARDED);
        assertThat(a2.department()).isEqualTo("back-office");
    }

    @Test
    void anApplicationOpenAfterItsPromisedDayInTheHallIsLate() {
        submit("a-1", "hall-1", BusinessType.NEW_CONNECTION);
        accept("a-1", "2026-12-05");

        // 2026-12-05T16:30Z is already 12-06 in the hall
        assertThat(at(Instant.parse("2026-12-05T15:30:00Z")).handle(new FindApplication("a-1")).orElseThrow().late())
                .isFalse();
        assertThat(at(Instant.parse("2026-12-05T16:30:00Z")).handle(new FindApplication("a-1")).orElseThrow().late())
                .isTrue();
    }

    @Test
    void finishedApplicationsAreFoundByStatusAndTheDayTheyFinished() {
        submit("a-1", "hall-1", BusinessType.NEW_CONNECTION);
        submit("a-2", "hall-1", BusinessType.NEW_CONNECTION);
        submit("a-3", "hall-1", BusinessType.SUSPENSION);
        accept("a-1", "2026-12-01");
        feed.apply("a-1", new ApplicationCompleted("a-1", "back-office-2"), Instant.parse("2026-12-02T02:00:00Z"));
        feed.apply("a-2", new ApplicationRejected("a-2", "clerk-1", "customer-1", "no capacity"), days(1));
        feed.apply("a-3", new ApplicationWithdrawn("a-3", "clerk-1", "customer-1", "moved away"), days(1.1));
        ApplicationProjection reader = at(Instant.parse("2026-12-03T01:00:00Z"));

        assertThat(reader.handle(list(null, null, null)).items()).isEmpty();
        ApplicationProgress completed = reader.handle(list(ApplicationStatus.COMPLETED, null, null)).items().get(0);
        assertThat(completed.applicationId()).isEqualTo("a-1");
        assertThat(completed.late()).isTrue();
        assertThat(completed.closedBy()).isEqualTo("back-office-2");
        assertThat(ids(reader.handle(list(ApplicationStatus.REJECTED, null, null)))).containsExactly("a-2");
        assertThat(ids(reader.handle(list(ApplicationStatus.WITHDRAWN, "hall-1", BusinessType.SUSPENSION))))
                .containsExactly("a-3");
        assertThat(ids(reader.handle(new ListApplications(ApplicationStatus.COMPLETED, null, null,
                                                          LocalDate.parse("2026-12-01"),
                                                          LocalDate.parse("2026-12-01"), 0, 50)))).isEmpty();
    }

    @Test
    void everyEventDeliveredTwiceChangesNothing() {
        List<DomainEventMessage<?>> events = List.of(
                feed.event("a-1", new ApplicationSubmitted("a-1", null, "hall-1", "clerk-1",
                                                           BusinessType.NEW_CONNECTION, "customer-1", "x", "y", null),
                           MONDAY_9),
                feed.event("a-1", new MissingDocumentsNotified("a-1", "clerk-1", List.of("ID card")), days(0.1)),
                feed.event("a-1", new ApplicationAccepted("a-1", "clerk-1", "A-1", LocalDate.parse("2026-12-20")),
                           days(0.2)),
                feed.event("a-1", new ApplicationCompleted("a-1", "clerk-1"), days(2)));
        for (DomainEventMessage<?> event : events) {
            feed.handle(event, event);
        }
        feed.handle(events.toArray(DomainEventMessage[]::new));

        ApplicationProjection reader = at(days(3));
        assertThat(reader.handle(list(ApplicationStatus.COMPLETED, null, null)).totalItems()).isEqualTo(1);
        assertThat(reader.handle(new FindApplication("a-1")).orElseThrow().missingDocuments())
                .containsExactly("ID card");
        assertThat(reader.handle(list(null, null, null)).items()).isEmpty();
    }

    @Test
    void resettingEmptiesTheView() {
        submit("a-1", "hall-1", BusinessType.NEW_CONNECTION);

        projection.reset();

        assertThat(projection.handle(new FindApplication("a-1"))).isEmpty();
    }
}
