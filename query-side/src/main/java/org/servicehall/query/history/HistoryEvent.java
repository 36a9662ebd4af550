package org.servicehall.query.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event of a history as the event store recorded it. {@code payload} and {@code metadata} are the stored JSON,
 * not re-serialized through the event classes (no upcasting, every field as recorded, nulls included), except that
 * sealed personal values are rendered for the reader.
 *
 * @param position      the global position of the commit it was appended in
 * @param offset        its place in that commit (0 for the first): a command's events share a position
 * @param aggregateType the aggregate type as stored ({@code Visit}, {@code BusinessApplication}...)
 * @param sequence      its sequence number in the aggregate's stream (0 for the first)
 * @param type          the simple name of its payload type ({@code FeeCollected})
 * @param revision      the payload's revision as stored; absent if it had none
 * @param recordedAt    when the event store recorded the commit (the store's clock)
 * @param timestamp     the event's own timestamp (when the command side created it)
 * @param occurredAt    when it happened in the hall, from the metadata; absent if the metadata has none
 */
record HistoryEvent(long position, int offset, String aggregateType, String aggregateId, long sequence,
                    String eventId, String type, String payloadType, String revision,
                    JsonNode payload, JsonNode metadata,
                    Instant recordedAt, Instant timestamp, Instant occurredAt) {
}
