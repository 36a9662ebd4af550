package org.servicehall.query.figures;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Loads, changes and stores {@link Track}s, applying each event of an aggregate once. */
final class Tracks {

    private final MongoTemplate mongo;

    Tracks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code change} for the event at {@code sequence} unless it (or a later event) was applied already, and
     * returns the track as stored. The store is conditional on the sequence it was read at, with no transaction
     * needed: should another instance have moved the track meanwhile (segments changing hands), it is read again.
     */
    <T extends Track> T apply(Class<T> type, String id, long sequence, Supplier<T> create, Consumer<T> change) {
        while (true) {
            T stored = mongo.findById(id, type);
            if (stored != null && stored.sequence >= sequence) {
                return stored;
            }
            T track = stored != null ? stored : create.get();
            long readAt = track.sequence;
            track.id = id;
            change.accept(track);
            track.sequence = sequence;
            if (stored == null) {
                try {
                    mongo.insert(track);
                    return track;
                } catch (DuplicateKeyException e) {
                    continue;
                }
            }
            if (mongo.replace(query(where("_id").is(id).and("sequence").is(readAt)), track).getMatchedCount() == 1) {
                return track;
            }
        }
    }

    void drop(Class<? extends Track> type) {
        mongo.dropCollection(type);
    }
}
