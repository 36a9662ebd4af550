package org.servicehall.platform.eventstore;

import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
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
     * @param commitOffset   its place within that commit (0 for the first)
     * @param payload        the payload as stored: a {@link Document}, or the JSON text of a non-object payload
     */
    public record StoredEvent(long globalPosition, int commitOffset, String aggregateType, String aggregateIdentifier,
                              long sequenceNumber, String eventIdentifier, String payloadType, String payloadRevision,
                              Instant timestamp, Instant recordedAt, Object payload, Document metaData) {
    }

    /** Every event of one aggregate, in sequence order; empty if there is no such aggregate. */
    public List<StoredEvent> aggregate(String aggregateIdentifier) {
        List<StoredEvent> events = new ArrayList<>();
        engine.walkCommits(aggregateIdentifier, 0, commit -> {
            events.addAll(events(commit));
            return true;
        });
        return events;
    }

    /**
     * Every event recorded in {@code [from, to)}, in global order, read lazily: the stream holds one window of
     * commits at a time.
     */
    public Stream<StoredEvent> recordedBetween(Instant from, Instant to) {
        long start = Math.max(1, engine.firstPositionRecordedAt(from.minus(CLOCK_SLACK)));
        Spliterator<StoredEvent> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private final Deque<StoredEvent> buffer = new ArrayDeque<>();
            private long next = start;
            private boolean done;

            @Override
            public boolean tryAdvance(Consumer<? super StoredEvent> action) {
                while (buffer.isEmpty() && !done) {
                    fill();
                }
                if (buffer.isEmpty()) {
                    return false;
                }
                action.accept(buffer.poll());
                return true;
            }

            private void fill() {
                long head = engine.headPosition();
                if (next > head) {
                    done = true;
                    return;
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
                        buffer.addAll(events(commit));
                    }
                }
                next = end + 1;
                // Positions in flight or fenced say nothing about time: only commits past the range end the walk.
                done = sawCommit && !anyBeforeEnd;
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    private static List<StoredEvent> events(Document commit) {
        long position = CommitDocuments.globalIndex(commit);
        String type = commit.getString(CommitDocuments.AGGREGATE_TYPE);
        String aggregate = commit.getString(CommitDocuments.AGGREGATE_IDENTIFIER);
        Instant recordedAt = SequencedEventStorageEngine.recordedAt(commit);
        List<Document> entries = commit.getList(CommitDocuments.EVENTS, Document.class);
        List<StoredEvent> events = new ArrayList<>(entries.size());
        for (int offset = 0; offset < entries.size(); offset++) {
            Document entry = entries.get(offset);
            events.add(new StoredEvent(position, offset, type, aggregate,
                                       entry.get(CommitDocuments.SEQUENCE_NUMBER, Number.class).longValue(),
                                       entry.getString(CommitDocuments.EVENT_IDENTIFIER),
                                       entry.getString(CommitDocuments.PAYLOAD_TYPE),
                                       entry.getString(CommitDocuments.PAYLOAD_REVISION),
                                       Instant.parse(entry.getString(CommitDocuments.TIMESTAMP)),
                                       recordedAt,
                                       entry.get(CommitDocuments.PAYLOAD),
                                       entry.get(CommitDocuments.META_DATA, Document.class)));
        }
        return events;
    }
}
