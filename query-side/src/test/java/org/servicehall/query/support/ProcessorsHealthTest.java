package org.servicehall.query.support;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a hard kill the head told the truth only at the next write: a writer that died between reserving its position
 * and inserting left the counter one above the last commit, and no processor ever reached it. Health now reports the
 * last commit as the head, the dead position is fenced after the gap timeout, and every processor is caught up.
 */
@QuerySideTest
@TestPropertySource(properties = "hall.event-store.gap-timeout=1s")
class ProcessorsHealthTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    SequencedEventStorageEngine engine;
    @Autowired
    MongoDatabaseFactory mongo;

    @SuppressWarnings("unchecked")
    private Map<String, Object> component(String name) {
        Map<String, Object> health = HallClient.on(port).get("/actuator/health").getBody();
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) health.get("components"))
                .get(name)).get("details");
    }

    @SuppressWarnings("unchecked")
    private boolean allCaughtUpAt(long head) {
        Map<String, Object> processors = (Map<String, Object>) component("processors").get("processors");
        return !processors.isEmpty() && processors.values().stream().map(details -> (Map<String, Object>) details)
                                                  .allMatch(details -> Boolean.TRUE.equals(details.get("caughtUp"))
                                                          && ((Number) details.get("headPosition")).longValue() == head
                                                          && ((Number) details.get("position")).longValue() >= head);
    }

    @Test
    void aPositionLeftByAWriterThatDiedIsFencedAndTheProcessorsAreCaughtUpWithTheLastCommit() {
        for (int i = 0; i < 3; i++) {
            String visit = UUID.randomUUID().toString();
            eventStore.publish(new GenericDomainEventMessage<>("Visit", visit, 0, new VisitStarted(visit, "hall-1")));
        }
        long lastCommit = engine.headPosition();
        // a command side reserved the next position and was killed before its insert
        mongo.getMongoDatabase().getCollection("event_sequence")
             .updateOne(new Document("_id", "globalIndex"), new Document("$inc", new Document("value", 1L)));

        assertThat(engine.reservedPosition()).isEqualTo(lastCommit + 1);
        assertThat(((Number) component("eventStore").get("headPosition")).longValue()).isEqualTo(lastCommit);
        await().atMost(Duration.ofSeconds(60)).until(() -> allCaughtUpAt(lastCommit)
                && mongo.getMongoDatabase().getCollection("events")
                        .countDocuments(new Document("globalIndex", lastCommit + 1).append("fencedAt",
                                                                                            new Document("$exists",
                                                                                                         true))) == 1);
        assertThat(((Number) component("eventStore").get("reservedPosition")).longValue())
                .isEqualTo(lastCommit + 1);
        assertThat(((Number) component("eventStore").get("fencedGaps")).longValue()).isPositive();

        // the next commit goes past the fenced position, and is handled
        String next = UUID.randomUUID().toString();
        eventStore.publish(new GenericDomainEventMessage<>("Visit", next, 0, new VisitStarted(next, "hall-1")));
        assertThat(engine.headPosition()).isEqualTo(lastCommit + 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> allCaughtUpAt(lastCommit + 2));
    }
}
