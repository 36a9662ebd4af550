package org.servicehall.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * The global sequence that orders commits in the event store.
 * <p>
 * Positions come from one counter document so that every commit gets a unique, increasing position no matter how
 * many command-side instances append, and readers never depend on anybody's clock. A position that is handed out but
 * never filled (a writer that stalls or dies between taking it and inserting) is a gap; {@link GapFence} deals with
 * those.
 */
final class GlobalPositions {

    private static final String COUNTER_ID = "globalIndex";
    private static final String VALUE = "value";

    private final MongoCollection<Document> counters;

    GlobalPositions(MongoCollection<Document> counters) {
        this.counters = counters;
    }

    /**
     * Reserves {@code count} consecutive positions and returns the first. Positions start at 1.
     * <p>
     * Asks for the document as it was before the increment: the embedded server hands out the updated document
     * itself, which a concurrent increment can change before it is sent, so two writers could see the same value.
     */
    long reserve(int count) {
        Document before = counters.findOneAndUpdate(
                eq("_id", COUNTER_ID),
                Updates.inc(VALUE, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return (before == null ? 0 : before.get(VALUE, Number.class).longValue()) + 1;
    }

    /** The highest position handed out so far, 0 when nothing was ever appended. */
    long head() {
        Document counter = counters.find(eq("_id", COUNTER_ID)).first();
        return counter == null ? 0 : counter.get(VALUE, Number.class).longValue();
    }
}
