package org.servicehall.platform.eventstore;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Closes gaps in the global stream that stay open too long.
 * <p>
 * A gap is a position that was reserved but holds nothing: its writer is still between reserving and inserting, or
 * died there. Below a filled position it is in readers' tokens; at the head (nothing filled above it yet) readers ask
 * for it in every read. Waiting costs nothing but a few ids in the next query. Once a gap has been open for
 * {@code timeout}, the reader fences it by
 * inserting a tombstone at that position. The unique index on {@code globalIndex} makes this race safe: either the
 * tombstone or the real commit wins. A writer that loses finds out at once (duplicate key on {@code globalIndex}),
 * takes a new position and inserts again; that late append is counted and logged with its event ids. So the timeout
 * bounds how long a gap can linger, never whether an event is delivered: no event is ever skipped.
 * <p>
 * The first-seen times live in this JVM only on purpose: if they are lost, a gap simply waits one more timeout.
 */
final class GapFence {

    private static final Logger log = LoggerFactory.getLogger(GapFence.class);

    private final MongoCollection<Document> events;
    private final Duration timeout;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Map<Long, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicLong fenced = new AtomicLong();
    private final AtomicLong lateAppends = new AtomicLong();

    GapFence(MongoCollection<Document> events, Duration timeout, Clock clock, LongSupplier nanoTime) {
        this.events = events;
        this.timeout = timeout;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /**
     * Called by a reader for a reserved position it found empty.
     *
     * @return {@code true} if the position is now fenced (the reader may move past it), {@code false} if it should
     * keep waiting (or the real commit just won the race and will be read next time)
     */
    boolean fenceIfExpired(long position) {
        long now = nanoTime.getAsLong();
        long seen = firstSeen.computeIfAbsent(position, p -> now);
        if (now - seen < timeout.toNanos()) {
            return false;
        }
        try {
            events.insertOne(CommitDocuments.tombstone(position, clock.instant()));
            firstSeen.remove(position);
            fenced.incrementAndGet();
            log.warn("Fenced global position {}: reserved but still empty after {}. A writer that still holds it "
                             + "will append at a new position.", position, timeout);
            return true;
        } catch (MongoWriteException e) {
            if (MongoErrors.isDuplicateKey(e, CommitDocuments.GLOBAL_INDEX)) {
                // the commit arrived, or another reader fenced it first: either way the next read sees it
                firstSeen.remove(position);
                return false;
            }
            throw e;
        }
    }

    /** Called by a reader for a position that turned out filled, so it stops being timed. */
    void filled(long position) {
        if (!firstSeen.isEmpty()) {
            firstSeen.remove(position);
        }
    }

    void lateAppend(long fencedPosition, long newPosition, String eventIdentifiers) {
        lateAppends.incrementAndGet();
        log.warn("Late append: commit of events {} found its position {} fenced and was appended at position {}.",
                 eventIdentifiers, fencedPosition, newPosition);
    }

    long fencedCount() {
        return fenced.get();
    }

    long lateAppendCount() {
        return lateAppends.get();
    }

    int openGaps() {
        return firstSeen.size();
    }
}
