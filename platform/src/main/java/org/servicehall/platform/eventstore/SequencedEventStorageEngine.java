package org.servicehall.platform.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.servicehall.platform.eventstore.CommitDocuments.GLOBAL_INDEX;
import static org.servicehall.platform.eventstore.CommitDocuments.ID;

/**
 * Axon event storage on MongoDB whose global order and completeness do not depend on clocks.
 * <p>
 * Every commit (the events one unit of work appends for one aggregate) is one document with a position from a global
 * sequence ({@link GlobalPositions}). Streaming processors track positions with Axon's
 * {@link GapAwareTrackingToken}: each batch asks for the positions the token still misses plus the next ones, by
 * {@code globalIndex $in [...]} on a unique index, so both MongoDB and the embedded server serve it from the index
 * however large the store grows. A reserved position that is still empty while later ones are filled is a gap; the
 * token keeps it until the commit arrives or {@link GapFence} fences it, in which case its writer appends again at a
 * new position. No event is ever dropped, whatever the writers' clocks or stalls.
 * <p>
 * All events of a commit share one tracking token, so Axon's processors handle them in one batch.
 */
public class SequencedEventStorageEngine extends BatchingEventStorageEngine {

    /** Positions of the head the head token checks for in-flight commits. */
    private static final int HEAD_LOOK_BACK = 1_000;
    /** Windows a single fetch may skip when a run of positions holds only tombstones or pending commits. */
    private static final int MAX_EMPTY_WINDOWS = 10;
    private static final String APPENDED_POSITION = SequencedEventStorageEngine.class.getName() + ".appendedPosition";
    /** Stream keys asked for per query when reading an aggregate. */
    private static final int STREAM_WINDOW = 16;
    /** How many times an append retries after its position was fenced before giving up. */
    private static final int MAX_FENCED_RETRIES = 5;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final GlobalPositions positions;
    private final GapFence gapFence;
    private final Clock clock;

    protected SequencedEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.events = database.getCollection(builder.eventsCollection);
        this.snapshots = database.getCollection(builder.snapshotsCollection);
        this.positions = new GlobalPositions(database.getCollection(builder.sequenceCollection));
        this.clock = builder.clock;
        this.gapFence = new GapFence(events, builder.gapTimeout, builder.clock, builder.nanoTime);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the indexes the engine relies on; idempotent, so every instance calls it at startup. */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(GLOBAL_INDEX), new IndexOptions().unique(true).name("globalIndex_1"));
        // For time-range reads on a real MongoDB; the embedded server ignores non-unique indexes.
        events.createIndex(Indexes.ascending(CommitDocuments.RECORDED_AT), new IndexOptions().name("recordedAt_1"));
    }

    // ---------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<List<DomainEventMessage<?>>> commits = groupByAggregate(events);
        Instant recordedAt = clock.instant();
        long first = positions.reserve(commits.size());
        List<Document> documents = new ArrayList<>(commits.size());
        for (int i = 0; i < commits.size(); i++) {
            documents.add(CommitDocuments.commit(commits.get(i), first + i, recordedAt, serializer));
        }
        insert(documents, commits, 0);
    }

    private void insert(List<Document> documents, List<List<DomainEventMessage<?>>> commits, int attempt) {
        try {
            if (documents.size() == 1) {
                this.events.insertOne(documents.get(0));
            } else {
                this.events.insertMany(documents, new InsertManyOptions().ordered(true));
            }
            rememberPosition(CommitDocuments.globalIndex(documents.get(documents.size() - 1)));
        } catch (MongoWriteException | MongoBulkWriteException e) {
            int failedAt = failedIndex(e);
            if (MongoErrors.isDuplicateKey(e, GLOBAL_INDEX) && attempt < MAX_FENCED_RETRIES) {
                appendAgainAtNewPositions(documents.subList(failedAt, documents.size()),
                                          commits.subList(failedAt, commits.size()), attempt);
                return;
            }
            handlePersistenceException(e, commits.get(failedAt).get(0));
        }
    }

    /**
     * Leaves the highest position this unit of work appended in its resources, so the command side can tell a client
     * which position the query side must have reached for the change to be visible ({@link #appendedPosition}).
     */
    private static void rememberPosition(long position) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().resources().merge(APPENDED_POSITION, position,
                                                      (a, b) -> Math.max((Long) a, (Long) b));
        }
    }

    /** The highest global position the given unit of work appended, if it appended anything. */
    public static OptionalLong appendedPosition(UnitOfWork<?> unitOfWork) {
        Object position = unitOfWork.resources().get(APPENDED_POSITION);
        return position == null ? OptionalLong.empty() : OptionalLong.of((Long) position);
    }

    /** Our positions were fenced while we stalled: the commits were never stored, so take new positions. */
    private void appendAgainAtNewPositions(List<Document> fencedDocuments,
                                           List<List<DomainEventMessage<?>>> commits, int attempt) {
        long first = positions.reserve(fencedDocuments.size());
        List<Document> retry = new ArrayList<>(fencedDocuments.size());
        for (int i = 0; i < fencedDocuments.size(); i++) {
            Document document = new Document(fencedDocuments.get(i));
            long fencedPosition = CommitDocuments.globalIndex(document);
            document.put(GLOBAL_INDEX, first + i);
            gapFence.lateAppend(fencedPosition, first + i, commits.get(i).stream()
                                                                  .map(EventMessage::getIdentifier)
                                                                  .collect(Collectors.joining(", ")));
            retry.add(document);
        }
        insert(retry, commits, attempt + 1);
    }

    private static int failedIndex(RuntimeException e) {
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().mapToInt(BulkWriteError::getIndex).min().orElse(0);
        }
        return 0;
    }

    /** Consecutive events of the same aggregate form one commit; other events (no aggregate) stand alone. */
    @SuppressWarnings("deprecation") // the one supported way to give a non-aggregate event a stream key
    private static List<List<DomainEventMessage<?>>> groupByAggregate(List<? extends EventMessage<?>> events) {
        List<List<DomainEventMessage<?>>> commits = new ArrayList<>();
        List<DomainEventMessage<?>> current = null;
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domainEvent = org.axonframework.eventhandling.EventUtils.asDomainEventMessage(event);
            if (current == null || !current.get(0).getAggregateIdentifier()
                                               .equals(domainEvent.getAggregateIdentifier())) {
                current = new ArrayList<>();
                commits.add(current);
            }
            current.add(domainEvent);
        }
        return commits;
    }

    // ---------------------------------------------------------------- aggregate streams

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        Predicate<Document> collect = commit -> {
            CommitDocuments.events(commit).stream()
                           .filter(event -> event.getSequenceNumber() >= firstSequenceNumber)
                           .forEach(result::add);
            return result.size() < batchSize;
        };
        long from = firstSequenceNumber;
        if (firstSequenceNumber > 0) {
            Document covering = commitCovering(aggregateIdentifier, firstSequenceNumber);
            if (covering != null && CommitDocuments.firstSequenceNumber(covering) < firstSequenceNumber) {
                if (!collect.test(covering)) {
                    return result;
                }
                from = CommitDocuments.lastSequenceNumber(covering) + 1;
            }
        }
        walkCommits(aggregateIdentifier, from, collect);
        return result;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        AtomicLong last = new AtomicLong(-1);
        walkCommits(aggregateIdentifier, 0, commit -> {
            last.set(CommitDocuments.lastSequenceNumber(commit));
            return true;
        });
        return last.get() < 0 ? Optional.empty() : Optional.of(last.get());
    }

    /**
     * Visits an aggregate's commits in order, from the one starting at {@code from}, while {@code visitor} returns
     * {@code true} and the stream goes on. Each query asks for a small window of stream keys, since most aggregates
     * are short.
     */
    void walkCommits(String aggregateIdentifier, long from, Predicate<Document> visitor) {
        long next = from;
        while (true) {
            Map<Long, Document> window = commitsStartingIn(aggregateIdentifier, next, STREAM_WINDOW);
            Document commit = window.get(next);
            if (commit == null) {
                return;
            }
            while (commit != null) {
                if (!visitor.test(commit)) {
                    return;
                }
                next = CommitDocuments.lastSequenceNumber(commit) + 1;
                commit = window.get(next);
            }
        }
    }

    /** The commits whose first sequence number lies in [from, from + count), by exact stream keys. */
    private Map<Long, Document> commitsStartingIn(String aggregateIdentifier, long from, int count) {
        List<String> keys = LongStream.range(from, from + count)
                                      .mapToObj(sequence -> CommitDocuments.streamKey(aggregateIdentifier, sequence))
                                      .toList();
        Map<Long, Document> result = new HashMap<>();
        for (Document commit : events.find(in(ID, keys))) {
            result.put(CommitDocuments.firstSequenceNumber(commit), commit);
        }
        return result;
    }

    /** The commit holding {@code sequenceNumber}: a read may start inside one (after a snapshot, say). */
    private Document commitCovering(String aggregateIdentifier, long sequenceNumber) {
        long from = Math.max(0, sequenceNumber - STREAM_WINDOW + 1);
        return commitsStartingIn(aggregateIdentifier, from, (int) (sequenceNumber - from + 1)).values().stream()
                .filter(commit -> CommitDocuments.lastSequenceNumber(commit) >= sequenceNumber)
                .findFirst()
                .orElse(null);
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document(ID, snapshot.getAggregateIdentifier())
                .append(CommitDocuments.AGGREGATE_TYPE, snapshot.getType())
                .append(CommitDocuments.SEQUENCE_NUMBER, snapshot.getSequenceNumber())
                .append(CommitDocuments.EVENT_IDENTIFIER, snapshot.getIdentifier())
                .append(CommitDocuments.TIMESTAMP, snapshot.getTimestamp().toString())
                .append(CommitDocuments.PAYLOAD_TYPE, payload.getType().getName())
                .append(CommitDocuments.PAYLOAD_REVISION, payload.getType().getRevision())
                .append(CommitDocuments.PAYLOAD, payload.getData())
                .append(CommitDocuments.META_DATA, metaData.getData());
        snapshots.replaceOne(eq(ID, snapshot.getAggregateIdentifier()), document, new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq(ID, aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(
                snapshot.getString(CommitDocuments.AGGREGATE_TYPE),
                aggregateIdentifier,
                snapshot.get(CommitDocuments.SEQUENCE_NUMBER, Number.class).longValue(),
                snapshot.getString(CommitDocuments.EVENT_IDENTIFIER),
                snapshot.getString(CommitDocuments.TIMESTAMP),
                snapshot.getString(CommitDocuments.PAYLOAD_TYPE),
                snapshot.getString(CommitDocuments.PAYLOAD_REVISION),
                snapshot.getString(CommitDocuments.PAYLOAD),
                snapshot.getString(CommitDocuments.META_DATA)));
    }

    // ---------------------------------------------------------------- the global stream

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        Cursor cursor = new Cursor(gapAware(lastToken));
        long head = positions.head();
        List<TrackedEventData<?>> result = new ArrayList<>();
        long windowEnd = cursor.index;
        for (int window = 0; window < MAX_EMPTY_WINDOWS && result.isEmpty(); window++) {
            long windowStart = windowEnd + 1;
            windowEnd = Math.min(windowEnd + batchSize, head);
            if (windowStart > windowEnd && cursor.gaps.isEmpty()) {
                break;
            }
            TreeMap<Long, Document> found = read(cursor.wanted(windowStart, windowEnd));
            for (Map.Entry<Long, Document> entry : found.entrySet()) {
                gapFence.filled(entry.getKey());
                cursor.advanceTo(entry.getKey(), found::containsKey);
                Document commit = entry.getValue();
                if (!CommitDocuments.isTombstone(commit)) {
                    GapAwareTrackingToken token = cursor.token();
                    for (DomainEventData<String> event : CommitDocuments.events(commit)) {
                        result.add(new TrackedDomainEventData<>(token, event));
                    }
                }
            }
            cursor.awaitPending(windowStart, windowEnd);
            cursor.gaps.removeIf(gapFence::fenceIfExpired);
            if (windowEnd >= head) {
                break;
            }
        }
        return result;
    }

    /** Where a fetch stands: the token's index and gaps as commits are read, plus empty positions above the index. */
    private static final class Cursor {

        private long index;
        private final TreeSet<Long> gaps = new TreeSet<>();
        /** Reserved positions above the index still empty: they become gaps once a higher position is read. */
        private final TreeSet<Long> pending = new TreeSet<>();

        Cursor(GapAwareTrackingToken token) {
            if (token != null) {
                index = token.getIndex();
                gaps.addAll(token.getGaps());
            }
        }

        TreeSet<Long> wanted(long windowStart, long windowEnd) {
            TreeSet<Long> wanted = new TreeSet<>(gaps);
            wanted.addAll(pending);
            LongStream.rangeClosed(windowStart, windowEnd).forEach(wanted::add);
            return wanted;
        }

        /** A commit (or tombstone) was read at {@code position}: it fills a gap or moves the index up. */
        void advanceTo(long position, LongPredicate filled) {
            if (position > index) {
                LongStream.range(index + 1, position).filter(p -> !filled.test(p)).forEach(gaps::add);
                index = position;
                pending.headSet(position, true).clear();
            } else {
                gaps.remove(position);
            }
        }

        void awaitPending(long windowStart, long windowEnd) {
            LongStream.rangeClosed(Math.max(windowStart, index + 1), windowEnd).forEach(pending::add);
        }

        GapAwareTrackingToken token() {
            return GapAwareTrackingToken.newInstance(index, gaps);
        }
    }

    /**
     * Reads the commits at the given positions. A MongoDB query is not a snapshot: it may miss a commit inserted
     * while it runs and still see a later one. Asking once more for the positions missing below the highest one found
     * closes that hole, so a stream never delivers an aggregate's event before an earlier one of the same aggregate.
     */
    private TreeMap<Long, Document> read(Collection<Long> wanted) {
        TreeMap<Long, Document> found = find(wanted);
        if (!found.isEmpty()) {
            long highest = found.lastKey();
            List<Long> missedBelow = wanted.stream().filter(p -> p < highest && !found.containsKey(p)).toList();
            if (!missedBelow.isEmpty()) {
                found.putAll(find(missedBelow));
            }
        }
        return found;
    }

    TreeMap<Long, Document> find(Collection<Long> wanted) {
        TreeMap<Long, Document> found = new TreeMap<>();
        for (Document document : events.find(in(GLOBAL_INDEX, wanted))) {
            found.put(CommitDocuments.globalIndex(document), document);
        }
        return found;
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        TrackingToken unwrapped = WrappedToken.unwrapLowerBound(token);
        if (unwrapped == null || unwrapped instanceof GapAwareTrackingToken) {
            return (GapAwareTrackingToken) unwrapped;
        }
        throw new IllegalArgumentException("Unsupported token type " + unwrapped.getClass().getName()
                                                   + "; this event store tracks with GapAwareTrackingToken");
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = positions.head();
        if (head == 0) {
            return null;
        }
        // Commits reserved just before now may still be in flight: stop below them so they are not skipped.
        long from = Math.max(1, head - HEAD_LOOK_BACK + 1);
        TreeMap<Long, Document> present = find(LongStream.rangeClosed(from, head).boxed().toList());
        long index = present.isEmpty() ? from - 1 : present.lastKey();
        List<Long> missing = LongStream.range(from, index).filter(p -> !present.containsKey(p)).boxed().toList();
        return index == 0 ? null : GapAwareTrackingToken.newInstance(index, missing);
    }

    /**
     * A token just before the first commit recorded at or after {@code dateTime}. Positions follow commit order, so a
     * binary search over them, one indexed lookup per step, finds it without scanning.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long first = firstPositionRecordedAt(dateTime);
        return first <= 1 ? null : GapAwareTrackingToken.newInstance(first - 1, List.of());
    }

    /**
     * The first position whose commit was recorded at or after {@code dateTime} (head + 1 if none). Writers' clocks
     * make {@code recordedAt} only roughly follow positions, so callers needing every commit of a time range start a
     * little earlier and filter.
     */
    long firstPositionRecordedAt(Instant dateTime) {
        long low = 1;
        long high = positions.head();
        while (low <= high) {
            long middle = (low + high) >>> 1;
            Document commit = firstCommitFrom(middle, high);
            if (commit == null) {
                high = middle - 1;
            } else if (recordedAt(commit).isBefore(dateTime)) {
                low = CommitDocuments.globalIndex(commit) + 1;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** Read access to the store as recorded, for compliance: streams, time ranges, positions. */
    public EventHistory history() {
        return new EventHistory(this);
    }

    private Document firstCommitFrom(long from, long to) {
        for (long start = from; start <= to; start += batchSize()) {
            List<Long> window = LongStream.rangeClosed(start, Math.min(to, start + batchSize() - 1)).boxed().toList();
            Optional<Document> first = find(window).values().stream()
                                                   .filter(Predicate.not(CommitDocuments::isTombstone))
                                                   .findFirst();
            if (first.isPresent()) {
                return first.get();
            }
        }
        return null;
    }

    static Instant recordedAt(Document commit) {
        return commit.getDate(CommitDocuments.RECORDED_AT).toInstant();
    }

    // ---------------------------------------------------------------- health

    /** The highest position handed out so far (one lookup by id). */
    public long headPosition() {
        return positions.head();
    }

    /** What this instance saw of gaps, for the health endpoint and metrics; no database access. */
    public GapStatistics gapStatistics() {
        return new GapStatistics(gapFence.openGaps(), gapFence.fencedCount(), gapFence.lateAppendCount());
    }

    /**
     * @param open        gaps this instance is currently waiting for
     * @param fenced      gaps this instance fenced since it started
     * @param lateAppends commits this instance re-appended because their position had been fenced
     */
    public record GapStatistics(int open, long fenced, long lateAppends) {
    }

    /**
     * Builder for the engine. The event and snapshot serializers and the database are required; the gap timeout
     * defaults to 10 seconds.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String eventsCollection = "events";
        private String snapshotsCollection = "snapshots";
        private String sequenceCollection = "event_sequence";
        private Duration gapTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;

        protected Builder() {
            persistenceExceptionResolver(duplicateStreamKey());
        }

        /** A second commit at the same aggregate sequence: Axon turns it into a concurrency exception. */
        private static PersistenceExceptionResolver duplicateStreamKey() {
            return exception -> MongoErrors.isDuplicateKey(exception, ID);
        }

        public Builder database(MongoDatabase database) {
            assertNonNull(database, "MongoDatabase may not be null");
            this.database = database;
            return this;
        }

        public Builder gapTimeout(Duration gapTimeout) {
            assertNonNull(gapTimeout, "gap timeout may not be null");
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Clock clock, LongSupplier nanoTime) {
            this.clock = clock;
            this.nanoTime = nanoTime;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
        }

        public SequencedEventStorageEngine build() {
            return new SequencedEventStorageEngine(this);
        }
    }
}
