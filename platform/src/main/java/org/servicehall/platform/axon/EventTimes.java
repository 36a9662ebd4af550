package org.servicehall.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.servicehall.api.MetadataKeys;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** When something happened in the hall, as opposed to when the event store recorded it. */
public final class EventTimes {

    private EventTimes() {
    }

    /**
     * The client's {@code occurredAt} (validated by the command side when it was recorded) or, for events without it
     * (a deadline firing, an event recorded before clients sent it), the event's own timestamp.
     */
    public static Instant happenedAt(EventMessage<?> event) {
        Object occurredAt = event.getMetaData().get(MetadataKeys.OCCURRED_AT);
        if (occurredAt instanceof String text && !text.isBlank()) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return event.getTimestamp();
            }
        }
        return event.getTimestamp();
    }
}
