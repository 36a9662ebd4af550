package org.servicehall.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;

/** Where an event stands in the global stream, as its event processor saw it. */
public final class EventPositions {

    private EventPositions() {
    }

    /** The event's global position, or 0 for an event that did not come from the event store's stream. */
    public static long positionOf(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(0) : 0;
    }

    /** Whether the event is being handled again because its processor was reset (a rebuild, not news). */
    public static boolean isReplay(EventMessage<?> event) {
        return ReplayToken.isReplay(event);
    }
}
