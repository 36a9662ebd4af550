package org.servicehall.query.visit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.servicehall.query.TestIds;
import org.servicehall.query.support.ServerSentEvents;
import org.servicehall.query.support.SseFollower;
import org.servicehall.query.support.ViewPositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The visit read API over HTTP: search, read-your-writes and live timelines, with events fed to the event store. */
@QuerySideTest
@TestPropertySource(properties = {"hall.query.await-timeout=10s", "hall.query.sse.heartbeat=300ms",
        "hall.query.sse.resync=300ms"})
class VisitQueryApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    SequencedEventStorageEngine engine;
    @Autowired
    ServerSentEvents serverSentEvents;
    @Autowired
    QueryUpdateEmitter updateEmitter;
    @Autowired
    ViewPositions positions;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoTemplate mongo;

    /** Publishes one event of a visit (its sequence counted by the caller) and answers its global position. */
    private long publish(String aggregateType, String aggregateId, long sequence, Object payload, String happenedAt) {
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                                                           MetaData.with(MetadataKeys.OCCURRED_AT, happenedAt)));
        return engine.headPosition();
    }

    /** A position handed out to a writer that never stored its events: no view ever passes it before it is fenced. */
    private long reservedByAWriterThatDied() {
        mongo.getCollection("event_sequence").updateOne(Filters.eq("_id", "globalIndex"), Updates.inc("value", 1L));
        return engine.reservedPosition();
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                                 .header("Authorization", HallClient.authorization("analyst"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------- read-your-writes

    @Test
    void aReadAwaitingThePositionOfAWriteSeesIt() {
        // a busy machine may take a while over the processors' first batch after startup
        String warmUp = UUID.randomUUID().toString();
        long warmedUp = publish("Visit", warmUp, 0, new VisitStarted(warmUp, "hall-ryw"), "2026-11-28T00:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> positions.hasReached(VisitTimelineProjection.PROCESSING_GROUP, warmedUp)
                        && positions.hasReached(VisitSearchProjection.PROCESSING_GROUP, warmedUp));
        String visit = UUID.randomUUID().toString();
        publish("Visit", visit, 0, new VisitStarted(visit, "hall-ryw"), "2026-11-28T01:00:00Z");
        long position = publish("Visit", visit, 1, new CustomerGreeted(visit, "guide-7", false, false, false, false),
                                "2026-11-28T01:00:10Z");

        HttpResponse<String> timeline = get("/api/visits/" + visit + "/timeline",
                                            "X-Await-Position", Long.toString(position));
        HttpResponse<String> search = get("/api/visits?hall=hall-ryw&from=2026-11-28&awaitPosition=" + position);

        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.headers().firstValue("X-View-Behind")).hasValue("false");
        assertThat(body(timeline).get("entries")).hasSize(2);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.headers().firstValue("X-View-Behind")).hasValue("false");
        assertThat(body(search).get("items").get(1).get("visitId").asText()).isEqualTo(visit);
    }

    @Test
    void aReadThatWaitedInVainAnswersAnywaySayingTheViewMayBeBehind() {
        String visit = UUID.randomUUID().toString();
        long position = publish("Visit", visit, 0, new VisitStarted(visit, "hall-1"), "2026-11-28T01:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/visits/" + visit + "/timeline").statusCode()
                == 200);

        long reservedInVain = reservedByAWriterThatDied();

        HttpResponse<String> behind = get("/api/visits/" + visit + "/timeline",
                                          "X-Await-Position", Long.toString(reservedInVain));

        assertThat(reservedInVain).isGreaterThan(position);
        assertThat(behind.statusCode()).isEqualTo(200);
        assertThat(behind.headers().firstValue("X-View-Behind")).hasValue("true");
        assertThat(get("/api/visits/" + visit + "/timeline").headers().firstValue("X-View-Behind")).isEmpty();
    }

    @Test
    void aPositionThatIsNoNumberIsABadRequest() {
        HttpResponse<String> header = get("/api/visits/" + TestIds.id("v-1") + "/timeline", "X-Await-Position",
                                          "soon");
        HttpResponse<String> parameter = get("/api/visits?hall=hall-1&awaitPosition=-3");

        assertThat(header.statusCode()).isEqualTo(400);
        assertThat(body(header).get("errors").get(0).get("field").asText()).isEqualTo("X-Await-Position");
        assertThat(body(header).get("errors").get(0).get("in").asText()).isEqualTo("header");
        assertThat(parameter.statusCode()).isEqualTo(400);
        assertThat(body(parameter).get("errors").get(0).get("field").asText()).isEqualTo("awaitPosition");
    }

    /**
     * Another instance owns every segment (here: the local processor is stopped, so only the stored tokens speak). A
     * position whose event the view does not handle is not waited for, one whose event it handles is.
     */
    @Test
    void segmentsOwnedElsewhereAreWaitedForOnlyWhenThePositionHoldsSomethingForThem() {
        StreamingEventProcessor search = processing
                .eventProcessorByProcessingGroup(VisitSearchProjection.PROCESSING_GROUP,
                                                 StreamingEventProcessor.class).orElseThrow();
        search.shutDown();
        try {
            String visit = UUID.randomUUID().toString();
            long handled = publish("Visit", visit, 0, new VisitStarted(visit, "hall-1"), "2026-11-28T01:00:00Z");
            long notHandled = publish("Payment", UUID.randomUUID().toString(), 0, new FeeCollected(
                    "p-1", "cashier-1", "shift-1", PaymentMethod.QR_CODE, 100, null, null), "2026-11-28T01:00:05Z");

            assertThat(positions.hasReached(VisitSearchProjection.PROCESSING_GROUP, handled)).isFalse();
            assertThat(positions.hasReached(VisitSearchProjection.PROCESSING_GROUP, notHandled)).isTrue();
        } finally {
            search.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(
                () -> positions.hasReached(VisitSearchProjection.PROCESSING_GROUP, engine.headPosition()));
        assertThatThrownBy(() -> positions.requireKnown(List.of("no-such-view")))
                .hasMessageContaining("no-such-view");
    }

    /** The timeline finds the visit of a payment's later events only if they follow its first one in one segment. */
    @Test
    void theTimelineIsSequencedPerAggregateAndTheSearchPerVisit() {
        assertThat(processing.sequencingPolicy(VisitTimelineProjection.PROCESSING_GROUP))
                .isInstanceOf(SequentialPerAggregatePolicy.class);
        assertThat(processing.sequencingPolicy(VisitSearchProjection.PROCESSING_GROUP))
                .isSameAs(VisitConfiguration.BY_VISIT);
    }

    // ---------------------------------------------------------------------------------------------- search

    @Test
    void searchFiltersSortsAndPagesOverHttp() {
        String hall = "hall-" + UUID.randomUUID();
        long position = 0;
        for (int i = 0; i < 5; i++) {
            String visit = "v-" + i + "-" + UUID.randomUUID();
            publish("Visit", visit, 0, new VisitStarted(visit, hall), "2026-11-28T0" + i + ":00:00Z");
            publish("Visit", visit, 1, new QueueTicketIssued(visit, "A00" + i, BusinessType.BILL_PAYMENT),
                    "2026-11-28T0" + i + ":00:00Z");
            publish("Visit", visit, 2, new CounterCalled(visit, "clerk-" + (i % 2), "1", "A00" + i),
                    "2026-11-28T0" + i + ":0" + i + ":00Z");
            position = publish("Visit", visit, 3, new CustomerSeenOff(visit, "clerk-" + (i % 2), true),
                               "2026-11-28T0" + i + ":30:00Z");
        }

        HttpResponse<String> page = get("/api/visits?hall=" + hall + "&from=2026-11-28&to=2026-11-28"
                                                + "&staff=clerk-0&sort=waitingTime,desc&size=2&page=0"
                                                + "&awaitPosition=" + position);

        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode result = body(page);
        assertThat(result.get("totalItems").asInt()).isEqualTo(3);
        assertThat(result.get("totalPages").asInt()).isEqualTo(2);
        List<Integer> waits = new ArrayList<>();
        result.get("items").forEach(item -> waits.add(item.get("figures").get("waitingSeconds").asInt()));
        assertThat(waits).containsExactly(240, 120);
        assertThat(result.get("items").get(0).get("figures").get("outcome").asText()).isEqualTo("SERVED");
        assertThat(result.get("items").get(0).get("day").asText()).isEqualTo("2026-11-28");
    }

    @Test
    void resettingTheSearchViewRebuildsTheSameRowsFromTheHistory() {
        String hall = "hall-" + UUID.randomUUID();
        String visit = UUID.randomUUID().toString();
        publish("Visit", visit, 0, new VisitStarted(visit, hall), "2026-11-28T15:50:00Z");
        publish("Visit", visit, 1, new QueueTicketIssued(visit, "A001", BusinessType.BILLING_INQUIRY),
                "2026-11-28T15:51:00Z");
        publish("Visit", visit, 2, new CounterCalled(visit, "clerk-1", "2", "A001"), "2026-11-28T16:01:00Z");
        long seenOff = publish("Visit", visit, 3, new CustomerSeenOff(visit, "clerk-1", true),
                               "2026-11-28T16:30:00Z");
        String search = "/api/visits?hall=" + hall + "&from=2026-11-28&awaitPosition=";
        JsonNode before = body(get(search + seenOff));
        assertThat(before.get("totalItems").asInt()).isEqualTo(1);

        StreamingEventProcessor processor = processing
                .eventProcessorByProcessingGroup(VisitSearchProjection.PROCESSING_GROUP,
                                                 StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> body(get(search + engine.headPosition())).equals(before));
    }

    @Test
    void badSearchParametersAreBadRequestsNamingTheParameter() {
        assertBadRequest("/api/visits", "hall", null);
        assertBadRequest("/api/visits?hall=h&outcome=HAPPY", "outcome", "SERVED");
        assertBadRequest("/api/visits?hall=h&businessType=COFFEE", "businessType", "BILL_PAYMENT");
        assertBadRequest("/api/visits?hall=h&sort=speed", "sort", "waitingTime");
        assertBadRequest("/api/visits?hall=h&sort=waitingTime,up", "sort", "desc");
        assertBadRequest("/api/visits?hall=h&from=28.11.2026", "from", null);
        assertBadRequest("/api/visits?hall=h&from=2026-11-28&to=2026-11-27", "to", null);
        assertBadRequest("/api/visits?hall=h&from=2026-01-01&to=2026-03-01", "to", null);
        assertBadRequest("/api/visits?hall=h&size=1000", "size", null);
        assertBadRequest("/api/visits?hall=h&page=-1", "page", null);
        assertBadRequest("/api/visits?hall=h&minWait=a+while", "minWait", null);
        assertBadRequest("/api/visits?hall=h&routingError=maybe", "routingError", "true");
        assertBadRequest("/api/visits?hall=h&outcom=SERVED", "outcom", "outcome");
        assertBadRequest("/api/visits?hall=h&staff=a&staff=b", "staff", null);
    }

    private void assertBadRequest(String path, String parameter, String anAllowedValue) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("errors")).as(path).hasSize(1);
        JsonNode error = body(response).get("errors").get(0);
        assertThat(error.get("field").asText()).as(path).isEqualTo(parameter);
        assertThat(error.get("in").asText()).as(path).isEqualTo("query");
        if (anAllowedValue != null) {
            assertThat(error.get("allowedValues").toString()).as(path).contains(anAllowedValue);
        }
    }

    @Test
    void everythingWrongWithASearchIsToldAtOnce() {
        HttpResponse<String> response = get("/api/visits?outcome=HAPPY&size=0&colour=red");

        assertThat(response.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        body(response).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("colour", "hall", "outcome", "size");
    }

    @Test
    void aBadValueAndABadRangeAreToldTogether() {
        HttpResponse<String> response = get("/api/visits?hall=h&outcome=HAPPY&sort=speed&from=2026-11-28"
                                                    + "&to=2026-11-27&minWait=-5");

        assertThat(response.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        body(response).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactly("to", "outcome", "minWait", "sort");
    }

    // --------------------------------------------------------------------------------------- live timeline

    /** Follows a path of this application as Server-Sent Events. */
    private SseFollower follow(String path) throws IOException, InterruptedException {
        return new SseFollower(URI.create("http://localhost:" + port + path));
    }

    private static int entriesOfLastUpdate(SseFollower follower) {
        JsonNode last = follower.last("update");
        return last == null ? 0 : last.get("entries").size();
    }

    private int followers(String visitId) {
        return (int) updateEmitter.activeSubscriptions().stream()
                                  .filter(subscription -> subscription.getPayload().toString().contains(visitId))
                                  .count();
    }

    @Test
    void aFollowerGetsTheTimelineThenEveryChangeAndHeartbeatsUntilItHangsUp() throws Exception {
        String visit = UUID.randomUUID().toString();
        long started = publish("Visit", visit, 0, new VisitStarted(visit, "hall-1"), "2026-11-28T01:00:00Z");

        try (SseFollower follower = follow("/api/visits/" + visit + "/timeline?awaitPosition=" + started)) {
            assertThat(follower.response.statusCode()).isEqualTo(200);
            assertThat(follower.response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/event-stream");
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.events("initial").size() == 1);
            assertThat(follower.events("initial").get(0).get("entries")).hasSize(1);

            publish("Visit", visit, 1, new CustomerGreeted(visit, "guide-7", false, false, false, false),
                    "2026-11-28T01:00:10Z");
            await().atMost(Duration.ofSeconds(30)).until(() -> entriesOfLastUpdate(follower) == 2);
            publish("Visit", visit, 2, new CustomerSeenOff(visit, "guide-7", true), "2026-11-28T01:05:00Z");
            await().atMost(Duration.ofSeconds(30)).until(() -> entriesOfLastUpdate(follower) == 3);
            JsonNode last = follower.events("update").get(follower.events("update").size() - 1);
            assertThat(last.get("figures").get("outcome").asText()).isEqualTo("SERVED");
            assertThat(last.get("figures").get("timeInHallSeconds").asInt()).isEqualTo(300);
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.lines.contains(":heartbeat"));
            assertThat(followers(visit)).isEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> followers(visit) == 0);
    }

    /** What a projection on another instance wrote reaches this instance's followers by the periodic re-read. */
    @Test
    void aChangeMadeWhereNoUpdateIsEmittedStillReachesTheFollower() throws Exception {
        String visit = UUID.randomUUID().toString();
        long started = publish("Visit", visit, 0, new VisitStarted(visit, "hall-1"), "2026-11-28T01:00:00Z");

        try (SseFollower follower = follow("/api/visits/" + visit + "/timeline?awaitPosition=" + started)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.events("initial").size() == 1);
            mongo.updateFirst(query(where("_id").is(visit)), new Update().push("entries", new VisitTimeline.Entry(
                    "e-elsewhere", started + 1, "Visit", visit, "CustomerGreeted",
                    Instant.parse("2026-11-28T01:00:10Z"), "guide-7", "Greeted by guide-7")), TimelineDocument.class);

            await().atMost(Duration.ofSeconds(30)).until(() -> entriesOfLastUpdate(follower) == 2);
        }
    }

    @Test
    void followingAnUnknownVisitIsNotFound() {
        String unknown = TestIds.id("no-such-visit");
        HttpResponse<String> response = get("/api/visits/" + unknown + "/timeline", "Accept", "text/event-stream");
        HttpResponse<String> malformed = get("/api/visits/no-such-visit/timeline", "Accept", "text/event-stream");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(followers(unknown)).isZero();
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(body(malformed).get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertThat(body(malformed).get("errors").get(0).get("in").asText()).isEqualTo("path");
    }

    @Test
    void stoppingTheApplicationEndsEveryStream() throws Exception {
        String visit = UUID.randomUUID().toString();
        long started = publish("Visit", visit, 0, new VisitStarted(visit, "hall-1"), "2026-11-28T01:00:00Z");
        try (SseFollower follower = follow("/api/visits/" + visit + "/timeline?awaitPosition=" + started)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.events("initial").size() == 1);

            serverSentEvents.stop();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> follower.ended);
                assertThat(serverSentEvents.openStreams()).isZero();
                assertThat(followers(visit)).isZero();
            } finally {
                serverSentEvents.start();
            }
        }
    }
}
