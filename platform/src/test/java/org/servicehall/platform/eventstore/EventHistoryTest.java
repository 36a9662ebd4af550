package org.servicehall.platform.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EventHistoryTest {

    record Noted(String id, int n) {
    }

    record Other(String id) {
    }

    private final TestMongo mongo = TestMongo.start();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T00:00:00Z"));
    private final SequencedEventStorageEngine engine = SequencedEventStorageEngine
            .builder()
            .database(mongo.database())
            .clock(new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            }, System::nanoTime)
            .eventSerializer(JacksonSerializer.defaultSerializer())
            .snapshotSerializer(JacksonSerializer.defaultSerializer())
            .build();
    private final EventHistory history = engine.history();

    @AfterEach
    void close() {
        mongo.close();
    }

    private void append(String aggregate, long sequence, int n) {
        engine.appendEvents(new GenericDomainEventMessage<>("Note", aggregate, sequence, new Noted(aggregate, n),
                                                            MetaData.with("hallId", "hall-1")));
    }

    @Test
    void anAggregateStreamIsReadAsStoredWithPositionsAndMetadata() {
        engine.ensureIndexes();
        append("a", 0, 1);
        append("b", 0, 2);
        engine.appendEvents(new GenericDomainEventMessage<>("Note", "a", 1, new Noted("a", 3)),
                            new GenericDomainEventMessage<>("Note", "a", 2, new Noted("a", 4)));

        List<EventHistory.StoredEvent> stream = history.aggregate("a");

        assertThat(stream).extracting(EventHistory.StoredEvent::sequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(stream).extracting(EventHistory.StoredEvent::globalPosition).containsExactly(1L, 3L, 3L);
        assertThat(stream).extracting(EventHistory.StoredEvent::commitOffset).containsExactly(0, 0, 1);
        assertThat(stream.get(0).payload()).isEqualTo(new Document("id", "a").append("n", 1));
        assertThat(stream.get(0).metaData().getString("hallId")).isEqualTo("hall-1");
        assertThat(stream.get(0).payloadType()).isEqualTo(Noted.class.getName());
        assertThat(stream.get(0).recordedAt()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(history.aggregate("nobody")).isEmpty();
    }

    @Test
    void aCommitOfSeveralAggregatesShowsInEachOnesStreamAndOnceInATimeRange() {
        engine.ensureIndexes();
        append("payment", 0, 1);
        engine.appendEvents(new GenericDomainEventMessage<>("Shift", "shift", 0, new Other("shift")),
                            new GenericDomainEventMessage<>("Note", "payment", 1, new Noted("payment", 2)));

        assertThat(history.aggregate("payment")).extracting(EventHistory.StoredEvent::sequenceNumber,
                                                            EventHistory.StoredEvent::globalPosition,
                                                            EventHistory.StoredEvent::commitOffset)
                                                .containsExactly(tuple(0L, 1L, 0), tuple(1L, 2L, 1));
        assertThat(history.aggregate("shift")).extracting(EventHistory.StoredEvent::aggregateType,
                                                          EventHistory.StoredEvent::globalPosition,
                                                          EventHistory.StoredEvent::commitOffset)
                                              .containsExactly(tuple("Shift", 2L, 0));
        assertThat(history.recordedBetween(now.get(), now.get().plusSeconds(1)))
                .extracting(EventHistory.StoredEvent::aggregateIdentifier)
                .containsExactly("payment", "shift", "payment");
        assertThat(history.windowsRecordedBetween(now.get(), now.get().plusSeconds(1),
                                                  new EventHistory.Selection(Set.of("Shift"), Set.of(), Set.of()))
                          .flatMap(List::stream))
                .extracting(EventHistory.StoredEvent::aggregateIdentifier).containsExactly("shift");
    }

    @Test
    void aTimeRangeIsWalkedInOrderAcrossManyWindows() {
        engine.ensureIndexes();
        for (int i = 0; i < 1_300; i++) {
            now.set(Instant.parse("2026-11-28T00:00:00Z").plus(Duration.ofMinutes(i)));
            append("v-" + i, 0, i);
        }

        List<EventHistory.StoredEvent> range = history.recordedBetween(Instant.parse("2026-11-28T02:00:00Z"),
                                                                       Instant.parse("2026-11-28T20:00:00Z"))
                                                      .toList();

        assertThat(range).hasSize(18 * 60);
        assertThat(range.get(0).aggregateIdentifier()).isEqualTo("v-120");
        assertThat(range.get(range.size() - 1).aggregateIdentifier()).isEqualTo("v-1199");
        assertThat(range).extracting(EventHistory.StoredEvent::globalPosition).isSorted();
        assertThat(history.recordedBetween(Instant.parse("2026-11-29T00:00:00Z"),
                                           Instant.parse("2026-11-30T00:00:00Z")).count()).isZero();
    }

    @Test
    void aSelectionKeepsTheChosenAggregateTypesEventTypesAndHallsWindowByWindow() {
        engine.ensureIndexes();
        for (int i = 0; i < 1_200; i++) {
            now.set(Instant.parse("2026-11-28T00:00:00Z").plusSeconds(i));
            String hall = "hall-" + (i % 3);
            engine.appendEvents(new GenericDomainEventMessage<>(i % 2 == 0 ? "Note" : "Memo", "a-" + i, 0,
                                                                new Noted("a-" + i, i), MetaData.with("hallId", hall)),
                                new GenericDomainEventMessage<>(i % 2 == 0 ? "Note" : "Memo", "a-" + i, 1,
                                                                new Other("a-" + i), MetaData.with("hallId", hall)));
        }
        Instant from = Instant.parse("2026-11-28T00:00:00Z");
        Instant to = from.plusSeconds(1_200);

        List<List<EventHistory.StoredEvent>> windows = history.windowsRecordedBetween(
                from, to, new EventHistory.Selection(Set.of("Note"), Set.of("Noted"), Set.of("hall-0", "hall-1")))
                                                                .toList();

        List<EventHistory.StoredEvent> kept = windows.stream().flatMap(List::stream).toList();
        assertThat(windows).hasSizeGreaterThanOrEqualTo(3);
        // even positions are Notes; of those, i % 3 != 2 are in the halls asked for; only the first event is Noted
        assertThat(kept).hasSize((int) java.util.stream.IntStream.range(0, 1_200)
                                                                 .filter(i -> i % 2 == 0 && i % 3 != 2).count());
        assertThat(kept).allSatisfy(event -> {
            assertThat(event.aggregateType()).isEqualTo("Note");
            assertThat(event.type()).isEqualTo("Noted");
            assertThat(event.metaData().getString("hallId")).isIn("hall-0", "hall-1");
        });
        assertThat(kept).extracting(EventHistory.StoredEvent::globalPosition).isSorted();
        assertThat(history.windowsRecordedBetween(from, to, EventHistory.Selection.EVERYTHING)
                          .mapToLong(List::size).sum()).isEqualTo(2_400);
    }

    @Test
    void aSelectionByHallLeavesOutEventsWithoutAHall() {
        engine.ensureIndexes();
        append("a", 0, 1);
        // a command whose body names no hall, sent without X-Hall-Id, records no hallId
        engine.appendEvents(new GenericDomainEventMessage<>("Note", "a", 1, new Noted("a", 2)));
        append("b", 0, 3);

        List<EventHistory.StoredEvent> kept = history.windowsRecordedBetween(
                now.get(), now.get().plusSeconds(1), new EventHistory.Selection(Set.of(), Set.of(), Set.of("hall-1")))
                                                     .flatMap(List::stream).toList();

        assertThat(kept).extracting(EventHistory.StoredEvent::aggregateIdentifier).containsExactly("a", "b");
        assertThat(kept).extracting(EventHistory.StoredEvent::sequenceNumber).containsExactly(0L, 0L);
    }
}
