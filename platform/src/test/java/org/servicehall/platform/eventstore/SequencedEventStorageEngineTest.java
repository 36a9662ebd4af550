package org.servicehall.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        Document counter = mongo.database().getCollection("event_sequence").find(new Document("_id", "globalIndex"))
                                .first();
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
    void aUnitOfWorkKnowsThePositionItAppendedAtOnceItCommitted() {
        engine.appendEvents(event("a", 0, new Opened("a", 1)));
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        engine.appendEvents(event("b", 0, new Opened("b", 2)), event("c", 0, new Opened("c", 3)));
        assertThat(SequencedEventStorageEngine.appendedPosition(unitOfWork)).as("nothing stored yet").isEmpty();
        assertThat(engine.readEvents("b").asStream()).isEmpty();
        unitOfWork.commit();

        assertThat(SequencedEventStorageEngine.appendedPosition(unitOfWork)).hasValue(2);
        assertThat(engine.readEvents("c").asStream().count()).isEqualTo(1);
    }

    @Test
    void aUnitOfWorkExtendingSeveralAggregatesIsOneCommitAtOnePositionInTheOrderItApplied() {
        engine.appendEvents(event("payment", 0, new Opened("payment", 100)));

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        engine.appendEvents(event("payment", 1, new Noted("payment", "collected")));
        engine.appendEvents(event("shift", 0, new Opened("shift", 100)),
                            event("payment", 2, new Noted("payment", "receipt")));
        unitOfWork.commit();

        List<Document> commits = mongo.database().getCollection("events").find().into(new ArrayList<>());
        assertThat(commits).hasSize(2);
        Document commit = commits.get(1);
        assertThat(commit.getString("_id")).isEqualTo("payment:1");
        assertThat(commit.getList("streams", String.class)).containsExactly("payment:1", "shift:0");
        assertThat(commit.getList("events", Document.class)).extracting(e -> e.getString("aggregateIdentifier"))
                                                            .containsExactly("payment", "shift", "payment");
        assertThat(engine.readEvents("payment").asStream().map(e -> (Object) e.getPayload()).toList())
                .containsExactly(new Opened("payment", 100), new Noted("payment", "collected"),
                                 new Noted("payment", "receipt"));
        assertThat(engine.readEvents("payment", 2).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(2L);
        assertThat(engine.readEvents("shift").asStream().map(e -> (Object) e.getPayload()).toList())
                .containsExactly(new Opened("shift", 100));
        assertThat(engine.lastSequenceNumberFor("payment")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("shift")).contains(0L);
        List<TrackedEventMessage<?>> global = read(null);
        assertThat(global).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex())
                          .containsExactly(1L, 2L, 2L, 2L);
        assertThat(global.get(1).trackingToken()).isEqualTo(global.get(3).trackingToken());
    }

    @Test
    void aCommitLosingTheRaceOnAnyOfItsAggregatesStoresNothingOfAny() throws Exception {
        engine.appendEvents(event("payment", 0, new Opened("payment", 100)));
        SequencedEventStorageEngine otherInstance = engine(Duration.ofSeconds(5));
        // The first writer stalls after reserving its position; the second collects the same payment meanwhile.
        stalls.stallNextInsertOf("shift-x", Duration.ofMillis(500));
        CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> commit(
                engine, event("shift-x", 0, new Opened("shift-x", 100)),
                event("payment", 1, new Noted("payment", "into shift-x"))));
        assertThat(stalls.stalling.await(5, TimeUnit.SECONDS)).isTrue();
        Throwable second = commit(otherInstance, event("payment", 1, new Noted("payment", "into shift-y")),
                                  event("shift-y", 0, new Opened("shift-y", 100)));

        assertThat(second).isNull();
        assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("shift-x").asStream()).isEmpty();
        assertThat(engine.readEvents("shift-y").asStream().count()).isEqualTo(1);
        assertThat(payloads(null)).containsExactly(new Opened("payment", 100), new Noted("payment", "into shift-y"),
                                                   new Opened("shift-y", 100));
        assertThat(mongo.database().getCollection("events").countDocuments(new Document("streams", "shift-x:0")))
                .isZero();
    }

    @Test
    void ofManyFreeRacesForOnePaymentExactlyOneWinsEachAndNoShiftCountsMoneyItNeverTook() throws Exception {
        SequencedEventStorageEngine otherInstance = engine(Duration.ofSeconds(5));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                String payment = "payment-" + round;
                engine.appendEvents(event(payment, 0, new Opened(payment, 100)));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Throwable>> racers = new ArrayList<>();
                for (SequencedEventStorageEngine instance : List.of(engine, otherInstance)) {
                    String shift = payment + "-shift-" + racers.size();
                    racers.add(threads.submit(() -> {
                        start.await();
                        return commit(instance, event(payment, 1, new Noted(payment, "into " + shift)),
                                      event(shift, 0, new Opened(shift, 100)));
                    }));
                }
                List<Throwable> outcomes = new ArrayList<>();
                for (Future<Throwable> racer : racers) {
                    outcomes.add(racer.get(10, TimeUnit.SECONDS));
                }

                assertThat(outcomes).filteredOn(Objects::isNull).as("round %d", round).hasSize(1);
                assertThat(outcomes).filteredOn(Objects::nonNull).allMatch(ConcurrencyException.class::isInstance);
                int winner = outcomes.indexOf(null);
                assertThat(engine.readEvents(payment + "-shift-" + winner).asStream().count()).isEqualTo(1);
                assertThat(engine.readEvents(payment + "-shift-" + (1 - winner)).asStream()).isEmpty();
                assertThat(engine.readEvents(payment).asStream().count()).isEqualTo(2);
            }
        } finally {
            threads.shutdownNow();
        }
        // every shift event in the store is in the commit of its payment's collection
        for (Document commit : mongo.database().getCollection("events").find()) {
            List<String> streams = commit.getList("streams", String.class);
            assertThat(streams.size() == 1 ? streams.get(0).endsWith(":0") && !streams.get(0).contains("shift")
                               : streams.size() == 2).as("commit %s", streams).isTrue();
        }
    }

    @Test
    void aUnitOfWorkThatFailsAfterItsEventsWereAppliedStoresNothing() {
        long head = engine.reservedPosition();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        engine.appendEvents(event("a", 0, new Opened("a", 1)), event("b", 0, new Opened("b", 1)));
        // as a deadline that cannot be stored fails while the unit of work prepares to commit
        unitOfWork.onPrepareCommit(u -> {
            throw new IllegalStateException("a deadline insert failed");
        });

        assertThatThrownBy(unitOfWork::commit).hasMessage("a deadline insert failed");

        assertThat(engine.readEvents("a").asStream()).isEmpty();
        assertThat(engine.readEvents("b").asStream()).isEmpty();
        assertThat(engine.reservedPosition()).as("not even a position taken").isEqualTo(head);
        assertThat(mongo.database().getCollection("events").countDocuments()).isZero();
    }

    @Test
    void commitsOfTheFirstLayoutAreUpgradedOnceAndReadLikeNewOnes() {
        MongoCollection<Document> events = mongo.database().getCollection("events");
        engine.appendEvents(event("new", 0, new Opened("new", 1)));
        events.insertOne(firstLayout("old", 0, 1, 7));
        mongo.database().getCollection("event_sequence")
             .updateOne(new Document("_id", "globalIndex"), new Document("$inc", new Document("value", 1L)));
        assertThat(engine.readEvents("old").asStream()).as("stored after this store was upgraded").isEmpty();

        assertThat(CommitLayoutUpgrade.upgrade(mongo.database())).isEqualTo(1);
        engine.appendEvents(event("old", 2, new Noted("old", "appended by this version")));

        assertThat(engine.readEvents("old").asStream().map(e -> (Object) e.getPayload()).toList())
                .containsExactly(new Opened("old", 7), new Noted("old", "old 1"),
                                 new Noted("old", "appended by this version"));
        assertThat(engine.readEvents("old", 1).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(1L, 2L);
        assertThat(engine.lastSequenceNumberFor("old")).contains(2L);
        assertThatThrownBy(() -> engine.appendEvents(event("old", 0, new Opened("old", 8))))
                .as("its stream key is its first-layout _id").isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("old", 2, new Noted("old", "second writer"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(payloads(null)).containsExactly(new Opened("new", 1), new Opened("old", 7),
                                                   new Noted("old", "old 1"),
                                                   new Noted("old", "appended by this version"));
        assertThat(engine.history().aggregate("old")).extracting(EventHistory.StoredEvent::aggregateType)
                                                      .containsOnly("Account");
    }

    @Test
    void aStoreOfThePreviousVersionIsUpgradedWhenThisOneFirstStarts() {
        MongoDatabase previous = mongo.database();
        previous.getCollection("event_sequence").deleteMany(new Document()); // as this version never saw it
        previous.getCollection("events").insertOne(firstLayout("old", 0, 1, 7));
        previous.getCollection("event_sequence").insertOne(new Document("_id", "globalIndex").append("value", 1L));

        SequencedEventStorageEngine upgraded = engine(Duration.ofSeconds(5));

        assertThat(upgraded.readEvents("old").asStream().count()).isEqualTo(2);
        assertThat(previous.getCollection("event_sequence").countDocuments(new Document("_id", "commitLayout")))
                .isEqualTo(1);
    }

    /** A commit as the previous version stored it: one aggregate, named at the top, no stream keys. */
    private static Document firstLayout(String aggregate, long first, long last, long amount) {
        List<Document> entries = new ArrayList<>();
        for (long sequence = first; sequence <= last; sequence++) {
            Object payload = sequence == 0 ? new Document("id", aggregate).append("amountInFen", amount)
                    : new Document("id", aggregate).append("note", aggregate + " " + sequence);
            entries.add(new Document("eventIdentifier", aggregate + "-event-" + sequence)
                                .append("sequenceNumber", sequence)
                                .append("timestamp", "2026-11-28T01:00:00Z")
                                .append("payloadType", (sequence == 0 ? Opened.class : Noted.class).getName())
                                .append("payloadRevision", null)
                                .append("payload", payload)
                                .append("metaData", new Document()));
        }
        return new Document("_id", aggregate + ":" + first).append("globalIndex", 2L)
                                                            .append("aggregateIdentifier", aggregate)
                                                            .append("aggregateType", "Account")
                                                            .append("firstSequenceNumber", first)
                                                            .append("lastSequenceNumber", last)
                                                            .append("recordedAt", new Date())
                                                            .append("events", entries);
    }

    @Test
    void aPositionReservedByAWriterThatDiedIsNotTheHeadAndIsFencedAfterTheGapTimeout() {
        engine.appendEvents(event("a", 0, new Opened("a", 1)));
        engine.appendEvents(event("b", 0, new Opened("b", 2)));
        // a writer reserved position 3 and died before inserting
        mongo.database().getCollection("event_sequence")
             .updateOne(new Document("_id", "globalIndex"), new Document("$inc", new Document("value", 1L)));
        TrackingToken processed = last(read(null)).trackingToken();

        assertThat(engine.reservedPosition()).isEqualTo(3);
        assertThat(engine.headPosition()).as("the last commit stored").isEqualTo(2);
        assertThat(read(processed)).isEmpty();
        assertThat(engine.gapStatistics().open()).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(read(processed)).isEmpty();

        assertThat(engine.gapStatistics().fenced()).isEqualTo(1);
        assertThat(engine.gapStatistics().open()).isZero();
        assertThat(engine.headPosition()).isEqualTo(2);
        assertThat(engine.committedAmong(List.of(1L, 2L, 3L, 4L))).containsExactlyInAnyOrder(1L, 2L);
        engine.appendEvents(event("c", 0, new Opened("c", 3)));
        assertThat(payloads(processed)).containsExactly(new Opened("c", 3));
        assertThat(engine.headPosition()).isEqualTo(4);
    }

    /** Appends in a unit of work of its own, as a command does; the failure, if it failed. */
    private static Throwable commit(SequencedEventStorageEngine engine, DomainEventMessage<?>... events) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        engine.appendEvents(events);
        try {
            unitOfWork.commit();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void theStoreIsReadableJson() {
        engine.appendEvents(event("a", 0, new Opened("a", 1500)));

        Document commit = mongo.database().getCollection("events").find().first();

        Map<String, Object> stored = commit.getList("events", Document.class).get(0);
        assertThat(commit.getString("_id")).isEqualTo("a:0");
        assertThat(commit.getList("streams", String.class)).containsExactly("a:0");
        assertThat(stored.get("aggregateIdentifier")).isEqualTo("a");
        assertThat(stored.get("aggregateType")).isEqualTo("Account");
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
