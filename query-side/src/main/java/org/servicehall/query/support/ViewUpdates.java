package org.servicehall.query.support;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.function.Supplier;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Writes to views that stay right under at-least-once delivery, without transactions (the embedded server has none)
 * and with several segments writing to the same document.
 */
public final class ViewUpdates {

    private ViewUpdates() {
    }

    /**
     * Applies {@code update} to the document {@code id} unless the event {@code eventId} was applied to it already,
     * creating the document first if it does not exist.
     *
     * @param guardField  the field that lists the ids of the events applied, e.g. {@code eventIds} or
     *                    {@code entries.eventId}; {@code update} must add {@code eventId} to it
     * @param newDocument an empty document with this id, inserted when there is none yet
     * @return whether the update was applied now (false: the event had been applied before)
     */
    public static boolean applyOnce(MongoTemplate mongo, Class<?> documentType, String id, String guardField,
                                    String eventId, Update update, Supplier<?> newDocument) {
        Query notYetApplied = query(where("_id").is(id).and(guardField).ne(eventId));
        if (mongo.updateFirst(notYetApplied, update, documentType).getMatchedCount() > 0) {
            return true;
        }
        // Either the event was applied or there is no document yet; another segment may be creating it this very
        // moment, so whether it exists says nothing about this event: the guarded update, tried again, does.
        if (!mongo.exists(query(where("_id").is(id)), documentType)) {
            try {
                mongo.insert(newDocument.get());
            } catch (DuplicateKeyException e) {
                // another segment created it a moment ago: add to that one
            }
        }
        return mongo.updateFirst(notYetApplied, update, documentType).getMatchedCount() > 0;
    }

    /**
     * An upsert by {@code _id} that survives a concurrent first insert of the same document: an upsert that loses the
     * race fails on the primary key (the embedded server does not retry it as MongoDB does), and is simply repeated.
     */
    public static void upsert(MongoTemplate mongo, Class<?> documentType, String id, Update update) {
        upsert(mongo, documentType, mongo.getCollectionName(documentType), id, update);
    }

    /** As {@link #upsert(MongoTemplate, Class, String, Update)}, for documents kept in a collection of a given name. */
    public static void upsert(MongoTemplate mongo, Class<?> documentType, String collection, String id,
                              Update update) {
        Query byId = query(where("_id").is(id));
        try {
            mongo.upsert(byId, update, documentType, collection);
        } catch (DuplicateKeyException e) {
            mongo.upsert(byId, update, documentType, collection);
        }
    }
}
