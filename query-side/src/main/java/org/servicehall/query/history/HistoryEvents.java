package org.servicehall.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.servicehall.api.MetadataKeys;
import org.servicehall.platform.eventstore.EventHistory;
import org.servicehall.platform.eventstore.EventHistory.StoredEvent;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.mongo.JsonBson;
import org.servicehall.platform.personaldata.PersonalDataVault;
import org.servicehall.platform.personaldata.Visibility;
import org.servicehall.platform.signin.Caller;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Reads histories from the event store as recorded and turns stored events into {@link HistoryEvent}s. */
@Component
class HistoryEvents {

    private final EventHistory history;
    private final ObjectMapper json;
    private final PersonalDataVault vault;

    HistoryEvents(SequencedEventStorageEngine engine, ObjectMapper json, PersonalDataVault vault) {
        this.history = engine.history();
        this.json = json;
        this.vault = vault;
    }

    EventHistory store() {
        return history;
    }

    /** One aggregate's stream, if it exists and is of the given kind (else empty: a 404 for the caller). */
    List<StoredEvent> stream(AggregateKind kind, String aggregateId) {
        List<StoredEvent> stream = history.aggregate(aggregateId);
        return !stream.isEmpty() && kind.storedType().equals(stream.get(0).aggregateType()) ? stream : List.of();
    }

    /**
     * A renderer for the current reader: it takes a stored payload and gives it as that reader may see it (sealed
     * personal values opened: in clear for compliance staff, {@code [erased]} once the customer was erased). Made on
     * the request's thread, where the reader is known, and usable on any other (an export streams on another).
     */
    UnaryOperator<Object> rendererForCaller() {
        Visibility visibility = Caller.current().visibility();
        return payload -> vault.openAll(payload, visibility);
    }

    HistoryEvent event(StoredEvent stored, UnaryOperator<Object> render) {
        return new HistoryEvent(stored.globalPosition(), stored.commitOffset(), stored.aggregateType(),
                                stored.aggregateIdentifier(), stored.sequenceNumber(), stored.eventIdentifier(),
                                stored.type(), stored.payloadType(), stored.payloadRevision(),
                                tree(render.apply(stored.payload())), tree(stored.metaData()), stored.recordedAt(),
                                stored.timestamp(), occurredAt(stored.metaData()));
    }

    /**
     * Stored JSON as a tree with every value as stored, nulls included. Built from the stored document directly rather
     * than through its JSON text: an export converts every event, and this is most of its work.
     */
    private JsonNode tree(Object stored) {
        if (stored instanceof String text) {
            try {
                return json.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A stored payload is not JSON", e);
            }
        }
        return stored == null ? null : node(stored);
    }

    private JsonNode node(Object value) {
        JsonNodeFactory nodes = json.getNodeFactory();
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, field) -> object.set(key.toString(), node(field)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode(list.size());
            list.forEach(element -> array.add(node(element)));
            return array;
        }
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return nodes.booleanNode(flag);
        }
        if (value instanceof Integer || value instanceof Long) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double number) {
            return nodes.numberNode(number);
        }
        // Other BSON values are never written by the event store's serializer: as MongoDB's relaxed JSON has them.
        try {
            return json.readTree(JsonBson.toJson(new Document("value", value))).get("value");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored value is not JSON", e);
        }
    }

    private static Instant occurredAt(Document metaData) {
        Object occurredAt = metaData == null ? null : metaData.get(MetadataKeys.OCCURRED_AT);
        if (occurredAt instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
