package org.servicehall.query.visit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.ReceiptIssued;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.query.QuerySideTest;
import org.servicehall.query.rebuild.RebuildClient;
import org.servicehall.query.rebuild.ViewDocuments;
import org.servicehall.query.support.ViewGenerations;
import org.servicehall.query.support.ViewPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the visit timeline while events keep arriving and queries keep coming: every query answers, from the old
 * view and then from the new one, never from an empty or half-built one; the rebuild reports its progress; and the
 * new view equals what the live processor builds by replaying the same history.
 * <p>
 * {@code -Drebuild.visits=2200} (about 20,000 events) measures the rebuild's rate under traffic; it is logged, not
 * asserted.
 */
@QuerySideTest
@TestPropertySource(properties = {"hall.query.generation-cache-ttl=500ms", "hall.rebuilds.grace-period=3s",
        "hall.rebuilds.poll-interval=200ms", "hall.rebuilds.progress-interval=100ms"})
@Import({VisitTimelineReplayTest.ReplayWitness.class, VisitTimelineReplayTest.NotOnReplay.class})
class VisitTimelineRebuildTest {

    private static final Logger log = LoggerFactory.getLogger(VisitTimelineRebuildTest.class);
    private static final String VIEW = VisitTimelineProjection.PROCESSING_GROUP;
    private static final int EVENTS_PER_VISIT = 9;
    private static final Duration A_WHILE = Duration.ofMinutes(5);
    private static final Duration TRAFFIC_PAUSE = Duration.ofMillis(200);

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    SequencedEventStorageEngine engine;
    @Autowired
    ViewPositions positions;
    @Autowired
    ViewGenerations generations;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    VisitTimelineReplayTest.ReplayWitness witness;
    @Autowired
    VisitTimelineReplayTest.NotOnReplay notOnReplay;

    private final AtomicInteger visitsPublished = new AtomicInteger();

    @Test
    void aRebuildDuringTrafficAnswersFromTheOldViewThenTheNewOneWhichEqualsAReplay() throws Exception {
        RebuildClient admin = new RebuildClient(port);
        int seeded = Integer.getInteger("rebuild.visits", 150);
        for (int visit = 0; visit < seeded; visit++) {
            publishVisit();
        }
        awaitLiveCaughtUp();
        List<String> sampled = new ArrayList<>();
        for (int visit = 0; visit < seeded; visit += Math.max(1, seeded / 20)) {
            sampled.add(visitId(visit));
        }
        assertThat(sampled).allSatisfy(visit -> assertThat(entries(admin, visit)).isEqualTo(EVENTS_PER_VISIT));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> phase = new AtomicReference<>("BEFORE");
        Map<String, Integer> samplesByPhase = new TreeMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        // a busy hall's day at many times its pace, yet slower than a rebuild, which must catch up
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                publishVisit();
                pause(TRAFFIC_PAUSE);
            }
        });
        CompletableFuture<Void> queries = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                for (String visit : sampled) {
                    String during = phase.get();
                    int entries = entries(admin, visit);
                    if (entries < EVENTS_PER_VISIT) {
                        violations.add(visit + " showed " + entries + " entries while " + during);
                    }
                    synchronized (samplesByPhase) {
                        samplesByPhase.merge(during, 1, Integer::sum);
                    }
                }
                pause(Duration.ofMillis(100));
            }
        });

        long headAtRequest = engine.headPosition();
        String id = admin.request(VIEW);
        List<JsonNode> states = admin.follow(id, Duration.ofMillis(50), A_WHILE,
                                             state -> phase.set(state.get("status").asText()));
        pause(Duration.ofMillis(300));  // a few samples after the end, too
        stop.set(true);
        traffic.join();
        queries.join();
        awaitLiveCaughtUp();

        // queries answered throughout, never from an empty or half-built view
        assertThat(violations).isEmpty();
        assertThat(samplesByPhase).containsKeys("RUNNING", "SWAPPED", "COMPLETED");

        // progress moved and ended consistent
        JsonNode done = states.get(states.size() - 1);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertProgress(states, headAtRequest);
        log.info("Rebuilt view {} from {} events ({} visits seeded, more arriving) at {} events/s",
                 VIEW, done.get("progress").get("eventsDone").asLong(), seeded,
                 done.get("progress").get("eventsPerSecond").asDouble());

        // the live processor saw each event once as news, the rebuild each one as a replay (those after the swap
        // twice: to both generations), and no handler that must not run on a replay ran
        long totalEvents = (long) visitsPublished.get() * EVENTS_PER_VISIT;
        assertThat(witness.count(ReplayStatus.REGULAR)).isEqualTo(totalEvents);
        assertThat(witness.count(ReplayStatus.REPLAY)).isGreaterThanOrEqualTo(
                done.get("progress").get("eventsApplied").asLong());
        assertThat(notOnReplay.greetings).hasValue(visitsPublished.get());

        // readers and live processors moved to the new generation; the old one, kept, stopped with the swap
        assertThat(generations.storedActive(VIEW)).isEqualTo(1);
        Map<String, Object> rebuilt = documents("visit_timelines__g1");
        Map<String, Object> old = documents("visit_timelines");
        assertThat(rebuilt).hasSize(visitsPublished.get());
        assertThat(old.size()).isLessThan(rebuilt.size());
        old.forEach((visit, timeline) -> assertThat(eventIds(rebuilt.get(visit))).containsAll(eventIds(timeline)));
        assertThat(sampled).allSatisfy(visit -> assertThat(entries(admin, visit)).isEqualTo(EVENTS_PER_VISIT));

        // the new generation equals what the live processor builds from the same history
        Map<String, Object> rebuiltMembers = documents("visit_timeline_members__g1");
        assertThat(rebuiltMembers).hasSize(visitsPublished.get());
        long replaysBefore = witness.count(ReplayStatus.REPLAY);
        StreamingEventProcessor processor = processing.eventProcessor(VIEW, StreamingEventProcessor.class)
                                                      .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(A_WHILE).until(() -> witness.count(ReplayStatus.REPLAY) == replaysBefore + totalEvents);
        awaitLiveCaughtUp();
        assertThat(documents("visit_timelines__g1")).isEqualTo(rebuilt);
        assertThat(documents("visit_timeline_members__g1")).isEqualTo(rebuiltMembers);
        assertThat(notOnReplay.greetings).hasValue(visitsPublished.get());
    }

    private void assertProgress(List<JsonNode> states, long headAtRequest) {
        List<String> order = List.of("PENDING", "RUNNING", "SWAPPED", "COMPLETED");
        long lastDone = 0;
        int lastStatus = 0;
        boolean sawProgress = false;
        for (JsonNode state : states) {
            int status = order.indexOf(state.get("status").asText());
            JsonNode progress = state.get("progress");
            long done = progress.get("eventsDone").asLong();
            assertThat(status).as(state.toString()).isGreaterThanOrEqualTo(lastStatus);
            assertThat(done).as(state.toString()).isGreaterThanOrEqualTo(lastDone);
            assertThat(progress.get("eventsApplied").asLong()).isLessThanOrEqualTo(done);
            if (status == 1 && done > 0 && progress.get("eventsTotal").asLong() > done) {
                sawProgress = true;
                assertThat(progress.get("eventsPerSecond").asDouble()).isPositive();
                assertThat(progress.get("estimatedSecondsLeft").asLong()).isNotNegative();
                assertThat(progress.get("position").asLong()).isLessThan(progress.get("headPosition").asLong());
            }
            lastDone = done;
            lastStatus = status;
        }
        assertThat(sawProgress).as("progress reported while building").isTrue();
        JsonNode done = states.get(states.size() - 1);
        JsonNode progress = done.get("progress");
        assertThat(done.get("generation").asInt()).isEqualTo(1);
        assertThat(done.get("previousGeneration").asInt()).isEqualTo(0);
        assertThat(progress.get("eventsTotal").asLong()).isEqualTo(progress.get("eventsDone").asLong());
        assertThat(progress.get("eventsDone").asLong()).isGreaterThanOrEqualTo(headAtRequest)
                                                       .isLessThanOrEqualTo(
                                                               (long) visitsPublished.get() * EVENTS_PER_VISIT);
        assertThat(progress.get("eventsApplied").asLong()).isEqualTo(progress.get("eventsDone").asLong());
        // events kept coming after the rebuild's last read
        assertThat(progress.get("position").asLong()).isLessThanOrEqualTo(progress.get("headPosition").asLong());
        assertThat(progress.get("estimatedSecondsLeft").asLong()).isZero();
        assertThat(progress.get("eventsPerSecond").asDouble()).isPositive();
        Instant started = Instant.parse(done.get("startedAt").asText());
        Instant swapped = Instant.parse(done.get("swappedAt").asText());
        Instant finished = Instant.parse(done.get("finishedAt").asText());
        assertThat(swapped).isAfterOrEqualTo(started);
        assertThat(finished).isAfterOrEqualTo(swapped.plus(Duration.ofSeconds(3)));
    }

    // ------------------------------------------------------------------------------------------- the history

    private static String visitId(int visit) {
        return new UUID(0x5eed, visit).toString();
    }

    /** A visit with a paid bill: nine events in five commits, from the visit and its payment. */
    private void publishVisit() {
        int number = visitsPublished.get();
        String visit = visitId(number);
        String payment = new UUID(0xfee, number).toString();
        Instant arrived = Instant.parse("2026-11-28T01:00:00Z").plusSeconds(number);
        String hall = "hall-" + number % 3;
        publish("Visit", visit, 0, arrived,
                new VisitStarted(visit, hall),
                new CustomerGreeted(visit, "guide-7", number % 2 == 0, true, false, false),
                new NeedIdentified(visit, "guide-7", BusinessType.BILL_PAYMENT));
        publish("Visit", visit, 3, arrived.plusSeconds(60),
                new QueueTicketIssued(visit, "B" + number, BusinessType.BILL_PAYMENT),
                new CounterCalled(visit, "cashier-5", "3", "B" + number));
        publish("Payment", payment, 0, arrived.plusSeconds(120),
                new PaymentRequested(payment, visit, hall, "cashier-5", PaymentKind.ELECTRICITY_BILL, 12_345,
                                     "C-" + number, "0101234567"));
        publish("Payment", payment, 1, arrived.plusSeconds(180),
                new FeeCollected(payment, "cashier-5", "shift-1", PaymentMethod.CASH, 12_345, 20_000L, 7_655L),
                new ReceiptIssued(payment, "cashier-5", "FP-" + number));
        publish("Visit", visit, 5, arrived.plusSeconds(240), new CustomerSeenOff(visit, "cashier-5", true));
        visitsPublished.incrementAndGet();
    }

    /** One commit: the events of one aggregate from {@code sequence} on. */
    private void publish(String type, String aggregateId, long sequence, Instant at, Object... payloads) {
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>(type, aggregateId, sequence + events.size(), payload,
                                                       MetaData.with(MetadataKeys.OCCURRED_AT, at.toString())));
        }
        eventStore.publish(events);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitLiveCaughtUp() throws InterruptedException {
        assertThat(positions.await(engine.headPosition(), A_WHILE, List.of(VIEW))).isTrue();
    }

    // ------------------------------------------------------------------------------------------- the view

    private int entries(RebuildClient admin, String visit) {
        HttpResponse<String> response = admin.get("/api/visits/" + visit + "/timeline");
        return response.statusCode() == 200 ? admin.json(response).get("entries").size() : 0;
    }

    private Map<String, Object> documents(String collection) {
        return ViewDocuments.of(mongo.getMongoDatabase(), collection);
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> eventIds(Object timeline) {
        Set<Object> ids = new HashSet<>();
        for (Object entry : (List<Object>) ((Map<String, Object>) timeline).get("entries")) {
            ids.add(((Map<String, Object>) entry).get("eventId"));
        }
        return ids;
    }
}
