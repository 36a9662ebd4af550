package org.servicehall.platform.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.servicehall.platform.mongo.JsonBson.toBson;
import static org.servicehall.platform.mongo.JsonBson.toJson;

/**
 * How a commit is laid out in the {@code events} collection.
 * <p>
 * One document holds the events one unit of work appended for one aggregate, so they are stored atomically without
 * transactions (the embedded server has none). Its {@code _id} is the aggregate identifier and the sequence number of
 * its first event: the store's own unique index then rejects a second writer at the same sequence, and an
 * aggregate's stream is read with {@code _id $in [...]}, which both MongoDB and the embedded server answer from an
 * index. {@code globalIndex} (unique) is the commit's position in the global stream. Payloads and metadata are stored
 * as BSON documents, so the store reads as plain JSON.
 * <p>
 * A position that was fenced (see {@link GapFence}) holds a tombstone: a document with that {@code globalIndex}, an
 * {@link ObjectId} as {@code _id} (it can never collide with a stream key) and no events.
 */
final class CommitDocuments {

    static final String ID = "_id";
    static final String GLOBAL_INDEX = "globalIndex";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String FIRST_SEQUENCE_NUMBER = "firstSequenceNumber";
    static final String LAST_SEQUENCE_NUMBER = "lastSequenceNumber";
    static final String RECORDED_AT = "recordedAt";
    static final String EVENTS = "events";
    static final String FENCED_AT = "fencedAt";

    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";

    private CommitDocuments() {
    }

    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + ":" + sequenceNumber;
    }

    static Document commit(List<? extends DomainEventMessage<?>> events, long globalIndex, Instant recordedAt,
                           Serializer serializer) {
        DomainEventMessage<?> first = events.get(0);
        List<Document> entries = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            entries.add(new Document(EVENT_IDENTIFIER, event.getIdentifier())
                                .append(SEQUENCE_NUMBER, event.getSequenceNumber())
                                .append(TIMESTAMP, event.getTimestamp().toString())
                                .append(PAYLOAD_TYPE, payload.getType().getName())
                                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                                .append(PAYLOAD, toBson(payload.getData()))
                                .append(META_DATA, toBson(metaData.getData())));
        }
        return new Document(ID, streamKey(first.getAggregateIdentifier(), first.getSequenceNumber()))
                .append(GLOBAL_INDEX, globalIndex)
                .append(AGGREGATE_IDENTIFIER, first.getAggregateIdentifier())
                .append(AGGREGATE_TYPE, first.getType())
                .append(FIRST_SEQUENCE_NUMBER, first.getSequenceNumber())
                .append(LAST_SEQUENCE_NUMBER, events.get(events.size() - 1).getSequenceNumber())
                .append(RECORDED_AT, Date.from(recordedAt))
                .append(EVENTS, entries);
    }

    static Document tombstone(long globalIndex, Instant fencedAt) {
        return new Document(ID, new ObjectId()).append(GLOBAL_INDEX, globalIndex)
                                               .append(FENCED_AT, Date.from(fencedAt));
    }

    static boolean isTombstone(Document document) {
        return !document.containsKey(EVENTS);
    }

    static long globalIndex(Document document) {
        return document.get(GLOBAL_INDEX, Number.class).longValue();
    }

    static long firstSequenceNumber(Document commit) {
        return commit.get(FIRST_SEQUENCE_NUMBER, Number.class).longValue();
    }

    static long lastSequenceNumber(Document commit) {
        return commit.get(LAST_SEQUENCE_NUMBER, Number.class).longValue();
    }

    static List<DomainEventData<String>> events(Document commit) {
        String aggregateIdentifier = commit.getString(AGGREGATE_IDENTIFIER);
        String type = commit.getString(AGGREGATE_TYPE);
        List<DomainEventData<String>> result = new ArrayList<>();
        for (Document entry : commit.getList(EVENTS, Document.class)) {
            result.add(new GenericDomainEventEntry<>(type,
                                                     aggregateIdentifier,
                                                     entry.get(SEQUENCE_NUMBER, Number.class).longValue(),
                                                     entry.getString(EVENT_IDENTIFIER),
                                                     entry.getString(TIMESTAMP),
                                                     entry.getString(PAYLOAD_TYPE),
                                                     entry.getString(PAYLOAD_REVISION),
                                                     toJson(entry.get(PAYLOAD)),
                                                     toJson(entry.get(META_DATA))));
        }
        return result;
    }

}
