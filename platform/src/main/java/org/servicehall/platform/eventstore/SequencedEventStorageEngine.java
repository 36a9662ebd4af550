package org.servicehall.platform.eventstore;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
import static org.servicehall.platform.eventstore.CommitDocuments.STREAMS;

/**
 * Axon event storage on MongoDB whose global order and completeness do not depend on clocks, and whose unit of work is
 * all or nothing.
 * <p>
 * Everything one unit of work appends, for one aggregate or several, is one document ({@link CommitDocuments}), so
 * it is stored atomically without transactions; a unique index over its stream keys rejects it as a whole when another
 * writer extended any of its aggregates first. It is appended when the unit of work commits, after everything else
 * the unit of work prepared (deadlines, conflict checks) has succeeded: whatever fails before leaves nothing in the
 * store, and the append is the last step that can fail.
 * <p>
 * Every commit gets a position from a global sequence ({@link GlobalPositions}). Streaming processors track positions
 * with Axon's {@link GapAwareTrackingToken}: each batch asks for the positions the token still misses plus the next
 * ones, by {@code globalIndex $in [...]} on a unique index, so both MongoDB and the embedded server serve it from the
 * index however large the store grows. A reserved position that is still empty is waited for: a gap while later ones
 * are filled, or a trailing position at the head. After the gap timeout {@link GapFence} fences it, in which case its
 * writer, if it is still alive, appends again at a new position. No event is ever dropped, whatever the writers' clocks,
 * stalls or crashes.
 * <p>
 * All events of a commit share one tracking token, so Axon's processors handle them in one batch.
 */
public class SequencedEventStorageEngine extends BatchingEventStorageEngine {

    /** Positions of the head the head token checks for in-flight commits. */
    private static final int HEAD_LOOK_BACK = 1_000;
    /** Windows a single fetch may skip when a run of positions holds only tombstones or pending commits. */
    private static final int MAX_EMPTY_WINDOWS = 10;
    private static final String APPENDED_POSITION = SequencedEventStorageEngine.class.getName() + ".appendedPosition";
    private static final String PENDING_COMMIT = SequencedEventStorageEngine.class.getName() + ".pendingCommit";
    /** Stream keys asked for per query when reading an aggregate. */
    private static final int STREAM_WINDOW = 16;
    /** How many times an append retries after its position was fenced before giving up. */
    private static final int MAX_FENCED_RETRIES = 5;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final GlobalPositions positions;
    private final GapFence gapFence;
    private final CommitLayoutUpgrade layoutUpgrade;
    private final Clock clock;

    protected SequencedEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.events = database.getCollection(builder.eventsCollection);
        this.snapshots = database.getCollection(builder.snapshotsCollection);
        this.positions = new GlobalPositions(database.getCollection(builder.sequenceCollection));
        this.clock = builder.clock;
        this.gapFence = new GapFence(events, builder.gapTimeout, builder.clock, builder.nanoTime);
        this.layoutUpgrade = new CommitLayoutUpgrade(events, database.getCollection(builder.sequenceCollection),
                                                     builder.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the indexes the engine relies on and upgrades commits of the first layout ({@link CommitLayoutUpgrade});
     * idempotent, so every instance calls it at startup.
     */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(GLOBAL_INDEX), new IndexOptions().unique(true).name("globalIndex_1"));
        // Multikey: every stream key of every commit is unique. Sparse: tombstones have none (nor have commits of the
        // first layout until the upgrade below gives them theirs).
        events.createIndex(Indexes.ascending(STREAMS), new IndexOptions().unique(true).sparse(true).name("streams_1"));
        // For time-range reads on a real MongoDB; the embedded server ignores non-unique indexes.
        events.createIndex(Indexes.ascending(CommitDocuments.RECORDED_AT), new IndexOptions().name("recordedAt_1"));
        layoutUpgrade.runOnce();
    }

    // ---------------------------------------------------------------- appending

    /**
     * Inside a unit of work, the events are kept until its root commits and then appended, with whatever else it
     * appends, as one document. Axon hands a unit of work's events to storage as it prepares to commit, together
     * with everything else preparing then (deadlines are stored then, conflicts checked): were they stored there, a
     * failure after them (a deadline that cannot be stored, say) would leave them stored under an error answer. The
     * commit phase comes after every preparation, and an append failing there still rolls the unit of work back.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            if (!root.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT)) {
                root.getOrComputeResource(PENDING_COMMIT, key -> {
                    List<EventMessage<?>> pending = new ArrayList<>();
                    root.onCommit(committing -> store(pending, serializer, committing));
                    return pending;
                }).addAll(events);
                return;
            }
        }
        store(events, serializer, CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null);
    }

    private void store(List<? extends EventMessage<?>> events, Serializer serializer, UnitOfWork<?> unitOfWork) {
        List<DomainEventMessage<?>> commit = asDomainEvents(events);
        Document document = CommitDocuments.commit(commit, positions.reserve(1), clock.instant(), serializer);
        insert(document, commit, 0);
        if (unitOfWork != null) {
            unitOfWork.resources().merge(APPENDED_POSITION, CommitDocuments.globalIndex(document),
                                         (a, b) -> Math.max((Long) a, (Long) b));
        }
    }

    private void insert(Document document, List<DomainEventMessage<?>> commit, int attempt) {
        try {
            this.events.insertOne(document);
        } catch (MongoWriteException e) {
            if (MongoErrors.isDuplicateKey(e, GLOBAL_INDEX) && attempt < MAX_FENCED_RETRIES) {
                appendAgainAtNewPosition(document, commit, attempt);
                return;
            }
            handlePersistenceException(e, conflicting(e, commit));
        }
    }

    /** Our position was fenced while we stalled: the commit was never stored, so take a new position. */
    private void appendAgainAtNewPosition(Document fenced, List<DomainEventMessage<?>> commit, int attempt) {
        long fencedPosition = CommitDocuments.globalIndex(fenced);
        long position = positions.reserve(1);
        Document retry = new Document(fenced);
        retry.put(GLOBAL_INDEX, position);
        gapFence.lateAppend(fencedPosition, position, commit.stream().map(EventMessage::getIdentifier)
                                                            .collect(Collectors.joining(", ")));
        insert(retry, commit, attempt + 1);
    }

    /**
     * The first event of the aggregate whose stream key another commit holds, for Axon's exception (which names it,
     * and is an {@code AggregateStreamCreationException} for a new aggregate); the servers name the key in the error.
     */
    private static DomainEventMessage<?> conflicting(MongoWriteException e, List<DomainEventMessage<?>> commit) {
        String message = String.valueOf(e.getMessage());
        return commit.stream()
                     .filter(event -> message.contains('"' + CommitDocuments.streamKey(event.getAggregateIdentifier(),
                                                                                        event.getSequenceNumber())
                                                               + '"'))
                     .findFirst()
                     .orElse(commit.get(0));
    }

    /** The highest global position the given unit of work appended, once it has committed. */
    public static OptionalLong appendedPosition(UnitOfWork<?> unitOfWork) {
        Object position = unitOfWork.root().resources().get(APPENDED_POSITION);
        return position == null ? OptionalLong.empty() : OptionalLong.of((Long) position);
    }

    /** An event that belongs to no aggregate is stored as the only event of a stream of its own. */
    @SuppressWarnings("deprecation") // the one supported way to give a non-aggregate event a stream key
    private static List<DomainEventMessage<?>> asDomainEvents(List<? extends EventMessage<?>> events) {
        List<DomainEventMessage<?>> result = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            result.add(org.axonframework.eventhandling.EventUtils.asDomainEventMessage(event));
        }
        return result;
    }

    // ---------------------------------------------------------------- aggregate streams

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        Predicate<Document> collect = commit -> {
            CommitDocuments.eventsOf(commit, aggregateIdentifier).stream()
                           .filter(event -> event.getSequenceNumber() >= firstSequenceNumber)
                           .forEach(result::add);
            return result.size() < batchSize;
        };
        long from = firstSequenceNumber;
        if (firstSequenceNumber > 0) {
            Document covering = commitCovering(aggregateIdentifier, firstSequenceNumber);
            if (covering != null
                    && CommitDocuments.firstSequenceNumberOf(covering, aggregateIdentifier) < firstSequenceNumber) {
                if (!collect.test(covering)) {
                    return result;
                }
                from = CommitDocuments.lastSequenceNumberOf(covering, aggregateIdentifier) + 1;
            }
        }
        walkCommits(aggregateIdentifier, from, collect);
        return result;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        AtomicLong last = new AtomicLong(-1);
        walkCommits(aggregateIdentifier, 0, commit -> {
            last.set(CommitDocuments.lastSequenceNumberOf(commit, aggregateIdentifier));
            return true;
        });
        return last.get() < 0 ? Optional.empty() : Optional.of(last.get());
    }

    /**
     * Visits the commits holding an aggregate's events in order, from the one where its stream continues at
     * {@code from}, while {@code visitor} returns {@code true} and the stream goes on. Each query asks for a small
     * window of stream keys, since most aggregates are short.
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
                next = CommitDocuments.lastSequenceNumberOf(commit, aggregateIdentifier) + 1;
                commit = window.get(next);
            }
        }
    }

    /**
     * The commits in which the aggregate's events start at a sequence number in [from, from + count), by exact
     * stream keys (one indexed query; the embedded server may list a document once per key it matches).
     */
    private Map<Long, Document> commitsStartingIn(String aggregateIdentifier, long from, int count) {
        List<String> keys = LongStream.range(from, from + count)
                                      .mapToObj(sequence -> CommitDocuments.streamKey(aggregateIdentifier, sequence))
                                      .toList();
        Map<Long, Document> result = new HashMap<>();
        for (Document commit : events.find(in(STREAMS, keys))) {
            result.put(CommitDocuments.firstSequenceNumberOf(commit, aggregateIdentifier), commit);
        }
        return result;
    }

    /** The commit holding {@code sequenceNumber}: a read may start inside one (after a snapshot, say). */
    private Document commitCovering(String aggregateIdentifier, long sequenceNumber) {
        long from = Math.max(0, sequenceNumber - STREAM_WINDOW + 1);
        return commitsStartingIn(aggregateIdentifier, from, (int) (sequenceNumber - from + 1)).values().stream()
                .filter(commit -> CommitDocuments.lastSequenceNumberOf(commit, aggregateIdentifier) >= sequenceNumber)
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
            // a position at the head whose writer died would otherwise be waited for until the next commit
            cursor.pending.removeIf(gapFence::fenceIfExpired);
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

    /**
     * The head of the global stream: the position of the last commit stored, 0 when there is none. Positions reserved
     * above it are writes in flight, or left by writers that died and are fenced after the gap timeout; they hold
     * nothing a processor could handle, so a processor at this position has caught up. One lookup by id and, as a
     * rule, one indexed query.
     */
    public long headPosition() {
        long reserved = positions.head();
        for (long end = reserved; end > 0; end -= STREAM_WINDOW) {
            long start = Math.max(1, end - STREAM_WINDOW + 1);
            Optional<Long> last = find(LongStream.rangeClosed(start, end).boxed().toList()).descendingMap().entrySet()
                    .stream().filter(entry -> !CommitDocuments.isTombstone(entry.getValue()))
                    .map(Map.Entry::getKey).findFirst();
            if (last.isPresent()) {
                return last.get();
            }
        }
        return 0;
    }

    /** The highest position handed out so far, stored or not (one lookup by id). */
    public long reservedPosition() {
        return positions.head();
    }

    /** Which of the given positions hold a commit (not a tombstone, nor nothing); one indexed query. */
    public Set<Long> committedAmong(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return Set.of();
        }
        return find(positions).entrySet().stream().filter(entry -> !CommitDocuments.isTombstone(entry.getValue()))
                              .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
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

        /**
         * Another commit holds one of our stream keys (on {@code streams}, or on {@code _id} for the first one): Axon
         * turns it into a concurrency exception.
         */
        private static PersistenceExceptionResolver duplicateStreamKey() {
            return exception -> MongoErrors.isDuplicateKey(exception, STREAMS)
                    || MongoErrors.isDuplicateKey(exception, ID);
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
