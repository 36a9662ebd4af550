package org.servicehall.platform.deadline;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.servicehall.platform.mongo.JsonBson.toBson;
import static org.servicehall.platform.mongo.JsonBson.toJson;

/**
 * How a scheduled deadline is laid out in the {@code deadlines} collection: one document per pending deadline, with
 * the schedule id as {@code _id}, and the scope, payload and metadata as the serializer's JSON, so an operator can
 * read (and, if need be, repair) it in any MongoDB client.
 * <p>
 * {@code nextAttemptAt} is when an instance may next take the deadline: its trigger time at first, the claim's expiry
 * while an instance is firing it, the retry time after a failure. A deadline that failed too often has no
 * {@code nextAttemptAt} but a {@code failedAt}, so no poller takes it again and it stays visible.
 */
final class DeadlineDocuments {

    static final String ID = "_id";
    static final String DEADLINE_NAME = "deadlineName";
    static final String SCOPE_TYPE = "scopeType";
    static final String SCOPE = "scope";
    static final String TRIGGER_AT = "triggerAt";
    static final String SCHEDULED_AT = "scheduledAt";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String OWNER = "owner";
    static final String ATTEMPTS = "attempts";
    static final String LAST_ERROR = "lastError";
    static final String FAILED_AT = "failedAt";
    static final String MESSAGE = "message";

    private static final String MESSAGE_IDENTIFIER = "identifier";
    private static final String PAYLOAD_TYPE = "payloadType";
    private static final String PAYLOAD_REVISION = "payloadRevision";
    private static final String PAYLOAD = "payload";
    private static final String META_DATA = "metaData";

    private DeadlineDocuments() {
    }

    static Document scheduled(String scheduleId, Instant triggerAt, ScopeDescriptor scope,
                              DeadlineMessage<?> message, Serializer serializer, Instant now) {
        SerializedObject<String> payload = serializer.serialize(message.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(message.getMetaData(), String.class);
        Document serializedMessage = new Document(MESSAGE_IDENTIFIER, message.getIdentifier())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, toBson(payload.getData()))
                .append(META_DATA, toBson(metaData.getData()));
        SerializedObject<String> serializedScope = serializer.serialize(scope, String.class);
        return new Document(ID, scheduleId)
                .append(DEADLINE_NAME, message.getDeadlineName())
                .append(SCOPE_TYPE, serializedScope.getType().getName())
                .append(SCOPE, toBson(serializedScope.getData()))
                .append(TRIGGER_AT, Date.from(triggerAt))
                .append(SCHEDULED_AT, Date.from(now))
                .append(NEXT_ATTEMPT_AT, Date.from(triggerAt))
                .append(ATTEMPTS, 0)
                .append(MESSAGE, serializedMessage);
    }

    /** Matches the deadlines of {@code deadlineName} in {@code scope}; the serializer writes a scope the same way. */
    static Bson inScope(String deadlineName, ScopeDescriptor scope, Serializer serializer) {
        SerializedObject<String> serializedScope = serializer.serialize(scope, String.class);
        return and(eq(DEADLINE_NAME, deadlineName),
                   eq(SCOPE_TYPE, serializedScope.getType().getName()),
                   eq(SCOPE, toBson(serializedScope.getData())));
    }

    static ScopeDescriptor scope(Document deadline, Serializer serializer) {
        return serializer.deserialize(new SimpleSerializedObject<>(toJson(deadline.get(SCOPE)), String.class,
                                                                   deadline.getString(SCOPE_TYPE), null));
    }

    /** The message as scheduled (same identifier, so a handler can tell a repeat), stamped with when it fires. */
    static DeadlineMessage<?> message(Document deadline, Serializer serializer, Instant firedAt) {
        Document message = deadline.get(MESSAGE, Document.class);
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                toJson(message.get(PAYLOAD)), String.class, message.getString(PAYLOAD_TYPE),
                message.getString(PAYLOAD_REVISION)));
        MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(
                toJson(message.get(META_DATA)), String.class, MetaData.class.getName(), null));
        return new GenericDeadlineMessage<>(deadline.getString(DEADLINE_NAME), message.getString(MESSAGE_IDENTIFIER),
                                            payload, metaData, firedAt);
    }

    static String deadlineName(Document deadline) {
        return deadline.getString(DEADLINE_NAME);
    }

    static int attempts(Document deadline) {
        return deadline.get(ATTEMPTS, Number.class).intValue();
    }
}
