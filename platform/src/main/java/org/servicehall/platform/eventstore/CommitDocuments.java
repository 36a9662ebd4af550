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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.servicehall.platform.mongo.JsonBson.toBson;
import static org.servicehall.platform.mongo.JsonBson.toJson;

/**
 * How a commit is laid out in the {@code events} collection.
 * <p>
 * One document holds everything one unit of work appended, for one aggregate or several (a payment and the cashier's
 * shift it is collected into), so it is stored atomically without transactions (the embedded server has none):
 * <pre>{@code
 * {_id: "<shiftId>:3", globalIndex: 42, recordedAt: <date>,
 *  streams: ["<shiftId>:3", "<paymentId>:1"],
 *  events: [{aggregateIdentifier: "<shiftId>", aggregateType: "CashierShift", sequenceNumber: 3, eventIdentifier,
 *            timestamp, payloadType, payloadRevision, payload: {...}, metaData: {...}},
 *           {aggregateIdentifier: "<paymentId>", aggregateType: "Payment", sequenceNumber: 1, ...}]}
 * }</pre>
 * {@code events} are in the order the unit of work applied them; an aggregate's events in one commit have consecutive
 * sequence numbers. {@code streams} holds one <em>stream key</em> per aggregate the commit extends: its identifier
 * and the sequence number of its first event here. A unique multikey index over {@code streams} makes each key unique
 * across all documents, so a second writer extending any of the aggregates at the same sequence is rejected and the
 * whole commit with it; an aggregate is read with {@code streams $in [its next keys]}, which both MongoDB and the
 * embedded server answer from that index. {@code _id} is the first stream key (a readable name, unique anyway).
 * {@code globalIndex} (unique) is the commit's position in the global stream: all its events share it and one
 * tracking token, so processors handle a unit of work in one batch. Payloads and metadata are stored as BSON documents,
 * so the store reads as plain JSON.
 * <p>
 * The first layout, written by earlier versions, held one aggregate per document, named it at the top
 * ({@code aggregateIdentifier}, {@code aggregateType}, {@code firstSequenceNumber}, {@code lastSequenceNumber}) and
 * had no {@code streams}: its {@code _id} was its only stream key. {@link CommitLayoutUpgrade} gives such documents
 * their {@code streams} once, and the readers here take an event's aggregate from the document when the event does not
 * name it, so both layouts read alike.
 * <p>
 * A position that was fenced (see {@link GapFence}) holds a tombstone: a document with that {@code globalIndex}, an
 * {@link ObjectId} as {@code _id}, no stream keys and no events.
 */
final class CommitDocuments {

    static final String ID = "_id";
    static final String GLOBAL_INDEX = "globalIndex";
    static final String STREAMS = "streams";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String AGGREGATE_TYPE = "aggregateType";
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

    /** @param events a unit of work's events in the order applied; each aggregate's in sequence order */
    static Document commit(List<? extends DomainEventMessage<?>> events, long globalIndex, Instant recordedAt,
                           Serializer serializer) {
        Map<String, String> streams = new LinkedHashMap<>();
        List<Document> entries = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            streams.putIfAbsent(event.getAggregateIdentifier(),
                                streamKey(event.getAggregateIdentifier(), event.getSequenceNumber()));
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            entries.add(new Document(AGGREGATE_IDENTIFIER, event.getAggregateIdentifier())
                                .append(AGGREGATE_TYPE, event.getType())
                                .append(SEQUENCE_NUMBER, event.getSequenceNumber())
                                .append(EVENT_IDENTIFIER, event.getIdentifier())
                                .append(TIMESTAMP, event.getTimestamp().toString())
                                .append(PAYLOAD_TYPE, payload.getType().getName())
                                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                                .append(PAYLOAD, toBson(payload.getData()))
                                .append(META_DATA, toBson(metaData.getData())));
        }
        List<String> keys = List.copyOf(streams.values());
        return new Document(ID, keys.get(0))
                .append(GLOBAL_INDEX, globalIndex)
                .append(RECORDED_AT, Date.from(recordedAt))
                .append(STREAMS, keys)
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

    static List<String> streamKeys(Document commit) {
        return commit.getList(STREAMS, String.class, List.of());
    }

    /** The event entries as stored, in commit order. */
    static List<Document> entries(Document commit) {
        return commit.getList(EVENTS, Document.class);
    }

    /** The aggregate an entry belongs to: its own field, or the document's in the first layout. */
    static String aggregateIdentifier(Document commit, Document entry) {
        String own = entry.getString(AGGREGATE_IDENTIFIER);
        return own != null ? own : commit.getString(AGGREGATE_IDENTIFIER);
    }

    static String aggregateType(Document commit, Document entry) {
        return entry.containsKey(AGGREGATE_IDENTIFIER) ? entry.getString(AGGREGATE_TYPE)
                : commit.getString(AGGREGATE_TYPE);
    }

    static long sequenceNumber(Document entry) {
        return entry.get(SEQUENCE_NUMBER, Number.class).longValue();
    }

    /** The sequence number of the aggregate's first event in this commit, or -1 if the commit holds none of it. */
    static long firstSequenceNumberOf(Document commit, String aggregateIdentifier) {
        for (Document entry : entries(commit)) {
            if (aggregateIdentifier.equals(aggregateIdentifier(commit, entry))) {
                return sequenceNumber(entry);
            }
        }
        return -1;
    }

    /** The sequence number of the aggregate's last event in this commit, or -1 if the commit holds none of it. */
    static long lastSequenceNumberOf(Document commit, String aggregateIdentifier) {
        long last = -1;
        for (Document entry : entries(commit)) {
            if (aggregateIdentifier.equals(aggregateIdentifier(commit, entry))) {
                last = sequenceNumber(entry);
            }
        }
        return last;
    }

    /** Every event of the commit, in commit order. */
    static List<DomainEventData<String>> events(Document commit) {
        List<DomainEventData<String>> result = new ArrayList<>();
        for (Document entry : entries(commit)) {
            result.add(event(commit, entry));
        }
        return result;
    }

    /** The events of one aggregate in the commit, in sequence order. */
    static List<DomainEventData<String>> eventsOf(Document commit, String aggregateIdentifier) {
        List<DomainEventData<String>> result = new ArrayList<>();
        for (Document entry : entries(commit)) {
            if (aggregateIdentifier.equals(aggregateIdentifier(commit, entry))) {
                result.add(event(commit, entry));
            }
        }
        return result;
    }

    private static DomainEventData<String> event(Document commit, Document entry) {
        return new GenericDomainEventEntry<>(aggregateType(commit, entry),
                                             aggregateIdentifier(commit, entry),
                                             sequenceNumber(entry),
                                             entry.getString(EVENT_IDENTIFIER),
                                             entry.getString(TIMESTAMP),
                                             entry.getString(PAYLOAD_TYPE),
                                             entry.getString(PAYLOAD_REVISION),
                                             toJson(entry.get(PAYLOAD)),
                                             toJson(entry.get(META_DATA)));
    }
}
