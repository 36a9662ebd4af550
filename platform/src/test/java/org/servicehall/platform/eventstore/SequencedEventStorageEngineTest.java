package org.servicehall.platform.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequencedEventStorageEngineTest {

    record Opened(String id, long amountInFen) {
    }

    record Noted(String id, String note) {
    }

    private final StallingListener stalls = new StallingListener();
    private final TestMongo mongo = TestMongo.start(stalls);
    private final AtomicLong nanos = new AtomicLong();
    private final SequencedEventStorageEngine engine = engine(Duration.ofSeconds(5));

    private SequencedEventStorageEngine engine(Duration gapTimeout) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        SequencedEventStorageEngine engine = SequencedEventStorageEngine.builder()
                                                                        .database(mongo.database())
                                                                        .gapTimeout(gapTimeout)
                                                                        .clock(Clock.systemUTC(), nanos::get)
                                                                        .eventSerializer(serializer)
                                                                        .snapshotSerializer(serializer)
                                                                        .batchSize(10)
                                                                        .build();
        engine.ensureIndexes();
        return engine;
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Account", aggregate, sequence, payload,
                                               MetaData.with("staffId", "s-1"));
    }

    @Test
    void anAggregateStreamReadsBackExactlyWhatWasAppendedAcrossCommitsAndBatches() {
        engine.appendEvents(event("a", 0, new Opened("a", 1500)), event("a", 1, new Noted("a", "first")));
        for (int sequence = 2; sequence < 25; sequence++) {
            engine.appendEvents(event("a", sequence, new Noted("a", "note " + sequence)));
        }
        engine.appendEvents(event("b", 0, new Opened("b", 1)));

        List<? extends DomainEventMessage<?>> stream = engine.readEvents("a").asStream().toList();

        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber)
                          .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 25).boxed().toList());
        assertThat(stream.get(0).getPayload()).isEqualTo(new Opened("a", 1500));
        assertThat(stream.get(0).getMetaData()).containsEntry("staffId", "s-1");
        assertThat(stream.get(24).getPayload()).isEqualTo(new Noted("a", "note 24"));
        assertThat(engine.readEvents("a", 13).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .startsWith(13L).hasSize(12);
        assertThat(engine.lastSequenceNumberFor("a")).contains(24L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void aReadThatStartsInsideACommitFindsThatCommit() {
        engine.appendEvents(event("a", 0, new Opened("a", 1)), event("a", 1, new Noted("a", "x")),
                            event("a", 2, new Noted("a", "y")));

        assertThat(engine.readEvents("a", 1).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(1L, 2L);
    }

    @Test
    void aSecondWriterAtTheSameSequenceIsRejected() {
        engine.appendEvents(event("a", 0, new Opened("a", 1)), event("a", 1, new Noted("a", "x")));
        engine.appendEvents(event("a", 2, new Noted("a", "first writer")));

        assertThatThrownBy(() -> engine.appendEvents(event("a", 0, new Opened("a", 2))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("a", 2, new Noted("a", "second writer"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("a").asStream().map(e -> (Object) e.getPayload()).toList())
                .containsExactly(new Opened("a", 1), new Noted("a", "x"), new Noted("a", "first writer"));
    }

    @Test
    void theGlobalStreamDeliversEveryCommitInOrderWithOneTokenPerCommit() {
        engine.appendEvents(event("a", 0, new Opened("a", 1)), event("a", 1, new Noted("a", "x")));
        engine.appendEvents(event("b", 0, new Opened("b", 2)));
        engine.appendEvents(GenericEventMessage.asEventMessage(new Noted("-", "not from an aggregate")));

        List<TrackedEventMessage<?>> all = read(null);

        assertThat(all).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex())
                       .containsExactly(1L, 1L, 2L, 3L);
        assertThat(all.get(3).getPayload()).isEqualTo(new Noted("-", "not from an aggregate"));
        assertThat(payloads(all.get(1).trackingToken()))
                .containsExactly(new Opened("b", 2), new Noted("-", "not from an aggregate"));
    }

    @Test
    void aStalledWriterLeavesAGapThatIsFilledWhenItCommitsWithoutAnyEventSkipped() throws Exception {
        engine.appendEvents(event("a", 0, new Opened("a", 1)));
        stalls.stallNextInsertOf("slow", Duration.ofSeconds(1));
        CompletableFuture<Void> slow = CompletableFuture.runAsync(
                () -> engine.appendEvents(event("slow", 0, new Opened("slow", 3))));
        assertThat(stalls.stalling.await(5, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(event("b", 0, new Opened("b", 2)));

        List<TrackedEventMessage<?>> beforeCommit = read(null);
        TrackingToken token = beforeCommit.get(beforeCommit.size() - 1).trackingToken();
        assertThat(beforeCommit).extracting(e -> (Object) e.getPayload())
                                .containsExactly(new Opened("a", 1), new Opened("b", 2));
        assertThat(((GapAwareTrackingToken) token).getGaps()).containsExactly(2L);

        slow.get(5, TimeUnit.SECONDS);
        List<TrackedEventMessage<?>> afterCommit = read(token);
        assertThat(afterCommit).extracting(e -> (Object) e.getPayload()).containsExactly(new Opened("slow", 3));
        assertThat(((GapAwareTrackingToken) afterCommit.get(0).trackingToken()).getGaps()).isEmpty();
        assertThat(engine.gapStatistics().lateAppends()).isZero();
    }

    @Test
    void aGapOpenLongerThanTheTimeoutIsFencedAndItsLateWriterAppendsAtANewPosition() throws Exception {
        engine.appendEvents(event("a", 0, new Opened("a", 1)));
        stalls.stallNextInsertOf("slow", Duration.ofSeconds(2));
        CompletableFuture<Void> slow = CompletableFuture.runAsync(
                () -> engine.appendEvents(event("slow", 0, new Opened("slow", 3))));
        assertThat(stalls.stalling.await(5, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(event("b", 0, new Opened("b", 2)));

        TrackingToken token = last(read(null)).trackingToken();
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(read(token)).isEmpty();
        assertThat(engine.gapStatistics().fenced()).isEqualTo(1);

        slow.get(10, TimeUnit.SECONDS);
        List<TrackedEventMessage<?>> after = read(token);
        assertThat(after).extracting(e -> (Object) e.getPayload()).containsExactly(new Opened("slow", 3));
        assertThat(((GapAwareTrackingToken) after.get(0).trackingToken()).getIndex()).isEqualTo(4L);
        assertThat(((GapAwareTrackingToken) after.get(0).trackingToken()).getGaps()).isEmpty();
        assertThat(engine.gapStatistics().lateAppends()).isEqualTo(1);
        assertThat(payloads(null))
                .containsExactly(new Opened("a", 1), new Opened("b", 2), new Opened("slow", 3));
        assertThat(engine.readEvents("slow").asStream().count()).isEqualTo(1);
    }

    @Test
    void runsOfFencedPositionsLongerThanABatchAreStreamedPast() {
        engine.appendEvents(event("a", 0, new Opened("a", 1)));
        Document counter = mongo.database().getCollection("event_sequence").find().first();
        long reserved = counter.getLong("value");
        mongo.database().getCollection("event_sequence")
             .updateOne(new Document("_id", "globalIndex"), new Document("$inc", new Document("value", 25L)));
        engine.appendEvents(event("b", 0, new Opened("b", 2)));
        TrackingToken afterA = read(null).get(0).trackingToken();
        List<TrackedEventMessage<?>> withGaps = read(afterA);
        assertThat(((GapAwareTrackingToken) last(withGaps).trackingToken()).getGaps()).hasSize(25);

        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        read(last(withGaps).trackingToken());
        engine.appendEvents(event("c", 0, new Opened("c", 3)));

        List<TrackedEventMessage<?>> rest = read(last(withGaps).trackingToken());
        assertThat(rest).extracting(e -> (Object) e.getPayload()).containsExactly(new Opened("c", 3));
        assertThat(((GapAwareTrackingToken) last(rest).trackingToken()).getGaps()).isEmpty();
        assertThat(engine.gapStatistics().fenced()).isEqualTo(25);
        assertThat(reserved).isEqualTo(1);
    }

    @Test
    void theHeadTokenSkipsWhatIsStoredButNotWhatIsStillInFlight() {
        engine.appendEvents(event("a", 0, new Opened("a", 1)));
        engine.appendEvents(event("b", 0, new Opened("b", 2)));

        TrackingToken head = engine.createHeadToken();
        engine.appendEvents(event("c", 0, new Opened("c", 3)));

        assertThat(payloads(head))
                .containsExactly(new Opened("c", 3));
        assertThat(engine.createTailToken()).isNull();
    }

    @Test
    void aTokenAtATimeStartsAtTheFirstCommitRecordedThen() throws Exception {
        for (int i = 0; i < 7; i++) {
            engine.appendEvents(event("early-" + i, 0, new Opened("early", i)));
        }
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        for (int i = 0; i < 4; i++) {
            engine.appendEvents(event("late-" + i, 0, new Opened("late", i)));
        }

        assertThat(payloads(engine.createTokenAt(between)))
                .extracting(e -> ((Opened) e).id()).containsOnly("late").hasSize(4);
        assertThat(read(engine.createTokenAt(Instant.EPOCH)).size()).isEqualTo(11);
    }

    @Test
    void theLatestSnapshotIsKept() {
        for (int sequence = 0; sequence < 5; sequence++) {
            engine.appendEvents(event("a", sequence, new Noted("a", "n" + sequence)));
        }
        engine.storeSnapshot(event("a", 2, new Noted("a", "state at 2")));
        engine.storeSnapshot(event("a", 3, new Noted("a", "state at 3")));

        DomainEventMessage<?> snapshot = engine.readSnapshot("a").orElseThrow();

        assertThat(snapshot.getSequenceNumber()).isEqualTo(3);
        assertThat(snapshot.getPayload()).isEqualTo(new Noted("a", "state at 3"));
        assertThat(engine.readSnapshot("b")).isEmpty();
    }

    @Test
    void aUnitOfWorkKnowsThePositionItAppendedAt() {
        engine.appendEvents(event("a", 0, new Opened("a", 1)));
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        engine.appendEvents(event("b", 0, new Opened("b", 2)), event("c", 0, new Opened("c", 3)));
        OptionalLong position = SequencedEventStorageEngine.appendedPosition(unitOfWork);
        unitOfWork.commit();

        assertThat(position).hasValue(3);
    }

    @Test
    void theStoreIsReadableJson() {
        engine.appendEvents(event("a", 0, new Opened("a", 1500)));

        Document commit = mongo.database().getCollection("events").find().first();

        Map<String, Object> stored = commit.getList("events", Document.class).get(0);
        assertThat(commit.getString("_id")).isEqualTo("a:0");
        assertThat(commit.get("globalIndex", Number.class).longValue()).isEqualTo(1);
        assertThat(stored.get("payload")).isEqualTo(new Document("id", "a").append("amountInFen", 1500));
        assertThat(((Document) stored.get("metaData")).getString("staffId")).isEqualTo("s-1");
        assertThat(stored.get("payloadType")).isEqualTo(Opened.class.getName());
    }

    private List<TrackedEventMessage<?>> read(TrackingToken token) {
        return engine.readEvents(token, false).collect(Collectors.toList());
    }

    private List<Object> payloads(TrackingToken token) {
        return read(token).stream().map(e -> (Object) e.getPayload()).toList();
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

}
