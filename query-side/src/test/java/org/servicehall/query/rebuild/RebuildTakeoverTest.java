package org.servicehall.query.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.query.QuerySideTest;
import org.servicehall.query.support.EventPositions;
import org.servicehall.query.support.ViewPositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance running a rebuild that loses it (it died, or stalled past the claim timeout, and another instance took
 * it): the rebuild goes on from its last stored progress, keeping what it built, and ends with the same view.
 */
@QuerySideTest
@TestPropertySource(properties = {"hall.query.generation-cache-ttl=200ms", "hall.rebuilds.grace-period=1s",
        "hall.rebuilds.poll-interval=200ms", "hall.rebuilds.progress-interval=100ms"})
@Import(RebuildTakeoverTest.SlowReplays.class)
class RebuildTakeoverTest {

    private static final String VIEW = "visit-timeline";
    private static final int VISITS = 80;
    private static final int EVENTS_PER_VISIT = 4;

    /** Makes a rebuild of the timeline last long enough to be taken over, and notes where it replayed. */
    @TestConfiguration
    @ProcessingGroup(VIEW)
    static class SlowReplays {
        final List<Long> replayed = Collections.synchronizedList(new ArrayList<>());

        @EventHandler
        void on(Object event, EventMessage<?> message, ReplayStatus status) throws InterruptedException {
            if (status == ReplayStatus.REPLAY) {
                replayed.add(EventPositions.positionOf(message));
                Thread.sleep(5);
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    SequencedEventStorageEngine engine;
    @Autowired
    ViewPositions positions;
    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    SlowReplays slowReplays;

    @Test
    void aRebuildWhoseInstanceLostItGoesOnFromItsLastProgressElsewhere() throws InterruptedException {
        for (int visit = 0; visit < VISITS; visit++) {
            String id = UUID.randomUUID().toString();
            Instant at = Instant.parse("2026-11-28T01:00:00Z").plusSeconds(visit);
            publish(id, at, new VisitStarted(id, "hall-1"), new CustomerGreeted(id, "guide-7", false, false, false,
                                                                                false));
            publish(id, at.plusSeconds(60), new CounterCalled(id, "clerk-2", "3", null),
                    new CustomerSeenOff(id, "clerk-2", true));
        }
        long head = engine.headPosition();
        assertThat(positions.await(head, Duration.ofMinutes(2), List.of(VIEW))).isTrue();
        RebuildClient admin = new RebuildClient(port);

        String id = admin.request(VIEW);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode progress = admin.rebuild(id).get("progress");
            return progress.get("position").asLong() > 0 && progress.get("position").asLong() < head / 2;
        });
        // the instance stalls past its claim and another one claims the rebuild
        MongoDatabase database = mongo.getMongoDatabase();
        database.getCollection("view_rebuilds").updateOne(
                new Document("_id", id), new Document("$set", new Document("owner", "an instance that died")
                        .append("claimedUntil", java.util.Date.from(Instant.now().minusSeconds(1)))));
        JsonNode done = admin.awaitFinished(id, Duration.ofMinutes(2));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("progress").get("eventsDone").asLong()).isEqualTo(VISITS * EVENTS_PER_VISIT);
        // it went on from where it had stored its progress: the first commits were replayed once, and at most the
        // few after that progress twice
        Map<Long, Long> replays = slowReplays.replayed.stream()
                                                      .collect(Collectors.groupingBy(Function.identity(),
                                                                                     Collectors.counting()));
        assertThat(replays.keySet()).hasSize((int) head);
        assertThat(replays.get(1L)).isEqualTo(2);  // two events per commit
        assertThat(replays.values().stream().filter(times -> times > 2).count()).isLessThan(head / 2);
        // and built what the live processor has (no events came meanwhile)
        assertThat(ViewDocuments.of(database, "visit_timelines__g1"))
                .isEqualTo(ViewDocuments.of(database, "visit_timelines"));
        assertThat(ViewDocuments.of(database, "visit_timeline_members__g1"))
                .isEqualTo(ViewDocuments.of(database, "visit_timeline_members"));
    }

    private void publish(String visit, Instant at, Object... payloads) {
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        long sequence = engine.lastSequenceNumberFor(visit).map(last -> last + 1).orElse(0L);
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>("Visit", visit, sequence + events.size(), payload,
                                                       MetaData.with(MetadataKeys.OCCURRED_AT, at.toString())));
        }
        eventStore.publish(events);
    }
}
