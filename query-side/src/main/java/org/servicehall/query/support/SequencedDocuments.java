package org.servicehall.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A collection of view documents, one per aggregate (or per part of one), each read and replaced by {@code _id}.
 * Delivery is at least once and the embedded server has no transactions, so a document remembers the sequence number,
 * within its aggregate, of the last event applied to it and ignores events it has seen. Whatever else an event writes
 * (copies, buckets) is written before the document, by the {@code beforeSave} hook or by the handler before it calls
 * {@link #update}, and must be idempotent: then an event delivered again after a crash in between does it again, and
 * the outcome is the same. (A document that events of several aggregates change needs
 * {@link ViewUpdates#applyOnce}'s list of applied event ids instead; one aggregate's sequence numbers suffice here.)
 */
public final class SequencedDocuments<T extends SequencedDocuments.Sequenced<T>> {

    /** A document that knows the last event applied to it. */
    public interface Sequenced<T> {

        String id();

        /** The sequence number, within its aggregate, of the last event applied to it. */
        long sequence();

        T withSequence(long sequence);
    }

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final String collection;
    private final BiConsumer<T, T> beforeSave;

    /**
     * @param beforeSave given the document before (null when it is created) and after an event, writes what derives
     *                   from it; given the same document twice when the event was applied before
     */
    public SequencedDocuments(MongoTemplate mongo, Class<T> type, String collection, BiConsumer<T, T> beforeSave) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
        this.beforeSave = beforeSave;
    }

    public SequencedDocuments(MongoTemplate mongo, Class<T> type, String collection) {
        this(mongo, type, collection, (before, after) -> {
        });
    }

    /** Stores the document an aggregate's first event creates, unless that event was applied before. */
    public void create(DomainEventMessage<?> event, T document) {
        T stored = find(document.id());
        if (stored != null) {
            beforeSave.accept(stored, stored);
            return;
        }
        T created = document.withSequence(event.getSequenceNumber());
        beforeSave.accept(null, created);
        mongo.save(created, collection);
    }

    /**
     * Applies a later event to its document (see {@link #require}), unless it was applied before.
     *
     * @return the document as it now is
     */
    public T update(String id, DomainEventMessage<?> event, UnaryOperator<T> change) {
        T before = require(id, event);
        if (before.sequence() >= event.getSequenceNumber()) {
            beforeSave.accept(before, before);
            return before;
        }
        T after = change.apply(before).withSequence(event.getSequenceNumber());
        beforeSave.accept(before, after);
        mongo.save(after, collection);
        return after;
    }

    /**
     * The document a later event applies to.
     *
     * @throws IllegalStateException if it does not exist, so the event goes to the dead-letter queue where it is seen,
     *                               rather than being lost
     */
    public T require(String id, DomainEventMessage<?> event) {
        T document = find(id);
        if (document == null) {
            throw new IllegalStateException(type.getSimpleName() + " " + id + " does not exist for event "
                    + event.getIdentifier() + " (" + event.getPayloadType().getSimpleName() + ", "
                    + event.getAggregateIdentifier() + "#" + event.getSequenceNumber() + ")");
        }
        return document;
    }

    /**
     * Applies an event to its document, creating it from {@code fresh} if this is the first event that reaches it (for
     * aggregates whose first event is not always the same).
     */
    public void createOrUpdate(String id, DomainEventMessage<?> event, Supplier<T> fresh, UnaryOperator<T> change) {
        if (find(id) == null) {
            create(event, change.apply(fresh.get()));
        } else {
            update(id, event, change);
        }
    }

    public T find(String id) {
        return mongo.findById(id, type, collection);
    }

    public List<T> findAll(Collection<String> ids) {
        return mongo.find(query(where("_id").in(ids)), type, collection);
    }

    public void drop() {
        if (mongo.collectionExists(collection)) {
            mongo.dropCollection(collection);
        }
    }
}
