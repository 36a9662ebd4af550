package org.servicehall.query.complaint;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.servicehall.api.Channel;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.platform.testing.TestClock;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.servicehall.query.support.SseFollower;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The complaint board followed live: the board, then the whole board again after every change of one of its
 * complaints, and also when time alone makes a limit at risk or overdue (a stream re-reads its board).
 */
@QuerySideTest
@Import(ComplaintBoardStreamTest.MovingClock.class)
@TestPropertySource(properties = {"hall.query.sse.resync=300ms", "hall.query.sse.heartbeat=300ms"})
class ComplaintBoardStreamTest {

    static final Instant START = Instant.parse("2026-11-30T01:00:00Z");

    @TestConfiguration
    static class MovingClock {
        @Bean
        TestClock clock() {
            return new TestClock(START);
        }
    }

    @Autowired
    EventStore eventStore;
    TestRestTemplate http;

    /** Spring's client for this side, signed in as an analyst (see {@link HallClient}). */
    @Autowired
    void signIn(TestRestTemplate template) {
        http = HallClient.signedIn(template);
    }
    @Autowired
    TestClock clock;
    @LocalServerPort
    int port;

    private void register(String complaintId, String hallId, Instant firstContactDue) {
        eventStore.publish(new GenericDomainEventMessage<>(
                "Complaint", complaintId, 0,
                new ComplaintRegistered(complaintId, null, hallId, "clerk-1", ComplaintKind.COMPLAINT,
                                        ComplaintClass.SERVICE, Channel.PHONE, false, "customer-1", "x", "y", "z",
                                        firstContactDue, firstContactDue.plus(Duration.ofDays(7)))));
    }

    @Test
    void aFollowerGetsTheBoardThenEveryChangeIncludingWhatTimeAloneChanges() throws Exception {
        try (SseFollower follower = new SseFollower(URI.create("http://localhost:" + port
                                                                       + "/api/complaints/board?hall=hall-live"))) {
            assertThat(follower.response.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.events("initial").size() == 1);
            assertThat(follower.events("initial").get(0).get("open").asInt()).isZero();

            register("live-1", "hall-live", START.plus(Duration.ofDays(2)));
            register("elsewhere-1", "hall-other", START.plus(Duration.ofHours(1)));
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.last("update") != null
                    && follower.last("update").get("open").asInt() == 1);
            assertThat(follower.last("update").get("complaints").get(0).get("complaintId").asText())
                    .isEqualTo("live-1");
            assertThat(follower.last("update").get("atRisk").asInt()).isZero();

            // within the default warning-before (12 h) of the due time: at risk, with no event at all
            clock.advance(Duration.ofHours(37));
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.last("update").get("atRisk").asInt() == 1);
            clock.advance(Duration.ofHours(12));
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.last("update").get("overdue").asInt() == 1);

            eventStore.publish(new GenericDomainEventMessage<>("Complaint", "live-1", 1,
                                                               new ComplaintAcknowledged("live-1", "clerk-2")));
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.last("update").get("overdue").asInt() == 0
                    && "ACKNOWLEDGED".equals(follower.last("update").get("complaints").get(0).get("status")
                                                     .asText()));
        }
        Map<?, ?> board = http.getForObject("/api/complaints/board?hall=hall-live", Map.class);
        assertThat(board.get("open")).isEqualTo(1);
        Map<?, ?> everyHall = http.getForObject("/api/complaints/board", Map.class);
        assertThat(everyHall.get("open")).isEqualTo(2);
    }
}
