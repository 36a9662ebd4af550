package org.servicehall.api;

/**
 * The metadata every command and event carries, set by the command side from the request. Together with the event's
 * own timestamp (when it was recorded) they say who did what, where, for which client system, and when it happened in
 * the hall.
 */
public final class MetadataKeys {

    /** The staff member who did it (header {@code X-Staff-Id}, or the {@code staffId} of the command). */
    public static final String STAFF_ID = "staffId";
    /** The hall it happened in (header {@code X-Hall-Id}, or the {@code hallId} of the command). */
    public static final String HALL_ID = "hallId";
    /** The integrator that sent it: ticket machine, counter terminal, guide tablet... (header {@code X-Client-Id}). */
    public static final String CLIENT_ID = "clientId";
    /** Ties together everything one request caused (header {@code X-Correlation-Id}, generated if absent). */
    public static final String CORRELATION_ID = "correlationId";
    /** When it happened in the hall, ISO-8601 UTC, as the client reports it (header {@code X-Occurred-At}). */
    public static final String OCCURRED_AT = "occurredAt";

    private MetadataKeys() {
    }
}
