package org.servicehall.query.support;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * The processors' tokens as Axon's {@code MongoTokenStore} keeps them, read without claiming them, whoever owns their
 * segments.
 */
@Component
class StoredTokens {

    private static final String COLLECTION = "trackingtokens";
    private static final String PROCESSOR_NAME = "processorName";
    private static final String SEGMENT = "segment";

    private final MongoDatabaseFactory mongo;
    private final Serializer serializer;

    StoredTokens(MongoDatabaseFactory mongo, Serializer serializer) {
        this.mongo = mongo;
        this.serializer = serializer;
    }

    /** The tokens of all the processor's segments: a handful of documents, found by a filter (a scan, embedded). */
    Map<Integer, TrackingToken> of(String processorName) {
        Map<Integer, TrackingToken> result = new HashMap<>();
        for (Document entry : tokens().find(eq(PROCESSOR_NAME, processorName))) {
            result.put(entry.getInteger(SEGMENT), token(entry));
        }
        return result;
    }

    /**
     * The tokens of the given segments that exist (a token may be null: a segment at the start of the stream), each
     * looked up by the token store's unique key (processor name and segment), which both MongoDB and the embedded
     * server answer from its index.
     */
    Map<Integer, TrackingToken> at(String processorName, Collection<Integer> segments) {
        Map<Integer, TrackingToken> result = new HashMap<>();
        for (int segment : segments) {
            Document entry = tokens().find(and(eq(PROCESSOR_NAME, processorName), eq(SEGMENT, segment))).first();
            if (entry != null) {
                result.put(segment, token(entry));
            }
        }
        return result;
    }

    private MongoCollection<Document> tokens() {
        return mongo.getMongoDatabase().getCollection(COLLECTION);
    }

    private TrackingToken token(Document entry) {
        String type = entry.getString("tokenType");
        Object data = entry.get("token");
        if (type == null || data == null) {
            return null;
        }
        String json = data instanceof Binary binary ? new String(binary.getData(), StandardCharsets.UTF_8)
                : data instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : data.toString();
        return serializer.deserialize(new SimpleSerializedObject<>(json, String.class,
                                                                   new SimpleSerializedType(type, null)));
    }
}
