package org.servicehall.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

/**
 * Gives commits of the first layout (one aggregate per document, see {@link CommitDocuments}) their stream key in
 * {@code streams}, so that every aggregate is read by the one index over {@code streams}, whichever version wrote it:
 * a first-layout commit's only stream key is its {@code _id}. Nothing else in a stored commit is touched.
 * <p>
 * It runs once per store: a marker in the {@code event_sequence} collection records that it ran, so a start-up costs one
 * lookup by id afterwards. Finding the old commits is a scan of the collection, done that once. Every instance may run
 * it at the same time (each update sets the same value), but commands of the previous version must not be running
 * any more: a commit it writes after the upgrade would have no stream key, and its aggregate would read short.
 */
public final class CommitLayoutUpgrade {

    private static final Logger log = LoggerFactory.getLogger(CommitLayoutUpgrade.class);
    static final String MARKER_ID = "commitLayout";
    private static final String EVENTS_COLLECTION = "events";
    private static final String SEQUENCE_COLLECTION = "event_sequence";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> sequence;
    private final Clock clock;

    CommitLayoutUpgrade(MongoCollection<Document> events, MongoCollection<Document> sequence, Clock clock) {
        this.events = events;
        this.sequence = sequence;
        this.clock = clock;
    }

    /**
     * Upgrades the commits of the first layout in the event store of {@code database} now, whether or not the marker
     * says it ran: for first-layout documents put into a store after it was upgraded (tests loading commits recorded by
     * an earlier version do).
     *
     * @return how many commits were upgraded
     */
    public static int upgrade(MongoDatabase database) {
        return new CommitLayoutUpgrade(database.getCollection(EVENTS_COLLECTION),
                                       database.getCollection(SEQUENCE_COLLECTION), Clock.systemUTC()).run();
    }

    /** Upgrades unless the marker says this store was upgraded already. */
    void runOnce() {
        if (sequence.find(eq(CommitDocuments.ID, MARKER_ID)).first() == null) {
            int upgraded = run();
            if (upgraded > 0) {
                log.info("Event store: {} commits of the first layout were given their stream key", upgraded);
            }
        }
    }

    private int run() {
        List<Object> ids = events.find(and(exists(CommitDocuments.EVENTS), exists(CommitDocuments.STREAMS, false)))
                                 .projection(Projections.include(CommitDocuments.ID))
                                 .map(document -> document.get(CommitDocuments.ID))
                                 .into(new ArrayList<>());
        for (Object id : ids) {
            events.updateOne(eq(CommitDocuments.ID, id), Updates.set(CommitDocuments.STREAMS, List.of(id)));
        }
        sequence.replaceOne(eq(CommitDocuments.ID, MARKER_ID),
                            new Document(CommitDocuments.ID, MARKER_ID).append("streamKeys", true)
                                                                       .append("upgradedAt", Date.from(clock.instant())),
                            new ReplaceOptions().upsert(true));
        return ids.size();
    }
}
