package org.servicehall.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the event store said about an aggregate at a point: its stored payloads folded in order. The aggregates live on
 * the command side, so this is not the aggregate's own state but the facts recorded about it, each with where it
 * came from:
 *
 * @param fields    every top-level payload field ever recorded, with its latest value and the event that set it
 *                  (first recorded first). A field that several events carry (e.g. {@code amountFen} on a payment
 *                  request and on a refund) holds the latest event's value: {@code type} says which.
 * @param lifecycle the type of every event, in sequence order: which steps happened, repeats included
 */
record AggregateState(Map<String, Field> fields, List<String> lifecycle) {

    /**
     * @param value    the field's value as stored (personal values rendered for the reader)
     * @param sequence the event that last set it
     */
    @Schema(name = HistoryApiDocs.STATE_FIELD)
    record Field(JsonNode value, long sequence, String type, Instant recordedAt) {
    }

    static AggregateState of(List<HistoryEvent> events) {
        Map<String, Field> fields = new LinkedHashMap<>();
        List<String> lifecycle = new ArrayList<>(events.size());
        for (HistoryEvent event : events) {
            lifecycle.add(event.type());
            if (event.payload() != null && event.payload().isObject()) {
                event.payload().fields().forEachRemaining(field -> fields.put(
                        field.getKey(), new Field(field.getValue(), event.sequence(), event.type(),
                                                  event.recordedAt())));
            }
        }
        return new AggregateState(fields, lifecycle);
    }
}
