package org.servicehall.platform.eventstore;

import org.bson.Document;
import org.servicehall.api.MetadataKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The event store exactly as recorded, for compliance: an aggregate's stream and everything recorded in a time range,
 * each event with its position, revision, payload and metadata as stored (personal data still sealed). Reads go by
 * stream keys and positions, so they are served from the store's unique indexes on both MongoDB and the embedded
 * server, and a time range is walked window by window in constant memory however many events it holds.
 */
public final class EventHistory {

    /** Positions read per query when walking a time range. */
    private static final int WINDOW = 500;
    /**
     * How far {@code recordedAt} may run against position order: writers' clocks differ a little, and a late append
     * (see {@link GapFence}) keeps the time it was first recorded at.
     */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

    private final SequencedEventStorageEngine engine;

    EventHistory(SequencedEventStorageEngine engine) {
        this.engine = engine;
    }

    /**
     * One event as stored.
     *
     * @param globalPosition the position of its commit in the global stream
     * @param commitOffset   its place within that commit (0 for the first), which may hold several aggregates' events
     * @param payload        the payload as stored: a {@link Document}, or the JSON text of a non-object payload
     */
    public record StoredEvent(long globalPosition, int commitOffset, String aggregateType, String aggregateIdentifier,
                              long sequenceNumber, String eventIdentifier, String payloadType, String payloadRevision,
                              Instant timestamp, Instant recordedAt, Object payload, Document metaData) {

        /** The payload type's simple name ({@code FeeCollected}), as people name events. */
        public String type() {
            return simpleName(payloadType);
        }
    }

    /**
     * Which events a walk over a time range keeps: those of the given aggregate types, event types (simple names, as
     * {@link StoredEvent#type()}) and halls (the {@code hallId} in their metadata). An empty set keeps every value.
     * Only positions are looked up in the store (see the class comment), so the selection is applied to each window as
     * it is read: an event of another aggregate type is skipped before it is built.
     */
    public record Selection(Set<String> aggregateTypes, Set<String> eventTypes, Set<String> halls) {

        public static final Selection EVERYTHING = new Selection(Set.of(), Set.of(), Set.of());

        public Selection {
            aggregateTypes = Set.copyOf(aggregateTypes);
            eventTypes = Set.copyOf(eventTypes);
            halls = Set.copyOf(halls);
        }

        boolean keepsAggregateType(String aggregateType) {
            // an event of no aggregate has no type, and an immutable set throws on contains(null)
            return aggregateTypes.isEmpty() || aggregateType != null && aggregateTypes.contains(aggregateType);
        }

        boolean keeps(StoredEvent event) {
            return (eventTypes.isEmpty() || eventTypes.contains(event.type())) && (halls.isEmpty() || inHall(event));
        }

        private boolean inHall(StoredEvent event) {
            // An immutable set throws on contains(null), and an event recorded without a hall is in none of them
            String hall = event.metaData().getString(MetadataKeys.HALL_ID);
            return hall != null && halls.contains(hall);
        }
    }

    /** Every event of one aggregate, in sequence order; empty if there is no such aggregate. */
    public List<StoredEvent> aggregate(String aggregateIdentifier) {
        List<StoredEvent> events = new ArrayList<>();
        engine.walkCommits(aggregateIdentifier, 0, commit -> {
            events(commit).stream().filter(event -> aggregateIdentifier.equals(event.aggregateIdentifier()))
                          .forEach(events::add);
            return true;
        });
        return events;
    }

    /**
     * Every event recorded in {@code [from, to)}, in global order, read lazily: the stream holds one window of
     * commits at a time.
     */
    public Stream<StoredEvent> recordedBetween(Instant from, Instant to) {
        return windowsRecordedBetween(from, to, Selection.EVERYTHING).flatMap(List::stream);
    }

    /**
     * The events recorded in {@code [from, to)} that {@code selection} keeps, in global order, one list per window of
     * {@value #WINDOW} positions read (a list may be empty when nothing in its window was kept). Lazy: the stream
     * reads the next window only when asked for it, so a consumer that stops (a client gone) stops the reads, and
     * memory holds one window whatever the range.
     */
    public Stream<List<StoredEvent>> windowsRecordedBetween(Instant from, Instant to, Selection selection) {
        long start = Math.max(1, engine.firstPositionRecordedAt(from.minus(CLOCK_SLACK)));
        Spliterator<List<StoredEvent>> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private long next = start;
            private boolean done;

            @Override
            public boolean tryAdvance(Consumer<? super List<StoredEvent>> action) {
                if (done) {
                    return false;
                }
                action.accept(fill());
                return true;
            }

            private List<StoredEvent> fill() {
                List<StoredEvent> kept = new ArrayList<>();
                long head = engine.reservedPosition();
                if (next > head) {
                    done = true;
                    return kept;
                }
                long end = Math.min(head, next + WINDOW - 1);
                TreeMap<Long, Document> window = engine.find(LongStream.rangeClosed(next, end).boxed().toList());
                boolean sawCommit = false;
                boolean anyBeforeEnd = false;
                for (Map.Entry<Long, Document> entry : window.entrySet()) {
                    Document commit = entry.getValue();
                    if (CommitDocuments.isTombstone(commit)) {
                        continue;
                    }
                    Instant recordedAt = SequencedEventStorageEngine.recordedAt(commit);
                    sawCommit = true;
                    anyBeforeEnd |= recordedAt.isBefore(to.plus(CLOCK_SLACK));
                    if (!recordedAt.isBefore(from) && recordedAt.isBefore(to)) {
                        events(commit, selection).forEach(kept::add);
                    }
                }
                next = end + 1;
                // Positions in flight or fenced say nothing about time: only commits past the range end the walk.
                done = sawCommit && !anyBeforeEnd;
                return kept;
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    private static String simpleName(String className) {
        return className == null ? null : className.substring(Math.max(className.lastIndexOf('.'),
                                                                          className.lastIndexOf('$')) + 1);
    }

    private static List<StoredEvent> events(Document commit) {
        return events(commit, Selection.EVERYTHING);
    }

    /**
     * The events of a commit that {@code selection} keeps; {@code commitOffset} counts every event of the commit, so
     * a unit of work's events are numbered alike whatever is kept.
     */
    private static List<StoredEvent> events(Document commit, Selection selection) {
        long position = CommitDocuments.globalIndex(commit);
        Instant recordedAt = SequencedEventStorageEngine.recordedAt(commit);
        List<Document> entries = CommitDocuments.entries(commit);
        List<StoredEvent> events = new ArrayList<>(entries.size());
        for (int offset = 0; offset < entries.size(); offset++) {
            Document entry = entries.get(offset);
            String type = CommitDocuments.aggregateType(commit, entry);
            if (!selection.keepsAggregateType(type)) {
                continue;
            }
            StoredEvent event = new StoredEvent(position, offset, type,
                                                CommitDocuments.aggregateIdentifier(commit, entry),
                                                CommitDocuments.sequenceNumber(entry),
                                                entry.getString(CommitDocuments.EVENT_IDENTIFIER),
                                                entry.getString(CommitDocuments.PAYLOAD_TYPE),
                                                entry.getString(CommitDocuments.PAYLOAD_REVISION),
                                                Instant.parse(entry.getString(CommitDocuments.TIMESTAMP)),
                                                recordedAt,
                                                entry.get(CommitDocuments.PAYLOAD),
                                                entry.get(CommitDocuments.META_DATA, Document.class));
            if (selection.keeps(event)) {
                events.add(event);
            }
        }
        return events;
    }
}
