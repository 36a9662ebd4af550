package org.servicehall.api;

/**
 * The metadata every command and event carries, set by the command side from the request. Together with the event's
 * own timestamp (when it was recorded) they say who did what, where, for which client system, and when it happened in
 * the hall.
 * <p>
 * Axon copies these keys from a command to the events it causes, and on from an event or a deadline to whatever a
 * saga or deadline handler does in response, so a whole chain carries the metadata of the request that started it.
 * A key is absent when nobody knew its value (a ticket machine has no staff member).
 */
public final class MetadataKeys {

    /**
     * The staff member who did it: the {@code staffId} of the command when it has one, else the {@code X-Staff-Id}
     * header. On what a deadline or saga does later, the staff member whose command started the chain.
     */
    public static final String STAFF_ID = "staffId";
    /** The hall it happened in: the {@code hallId} of the command when it has one, else the {@code X-Hall-Id}. */
    public static final String HALL_ID = "hallId";
    /** The integrator that sent it: ticket machine, counter terminal, guide tablet... (header {@code X-Client-Id}). */
    public static final String CLIENT_ID = "clientId";
    /**
     * Ties together everything one request caused, across sagas and deadlines (header {@code X-Correlation-Id},
     * generated if absent, echoed in the response). Axon's {@code MessageOriginProvider} would write the causing
     * message's id under this key; it is configured to use {@link #CAUSATION_ID} instead.
     */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message that directly caused this one: the command, event or deadline handled (Axon). */
    public static final String CAUSATION_ID = "causationId";
    /** The identifier of the first message of the chain this one belongs to: the request's command (Axon). */
    public static final String TRACE_ID = "traceId";
    /**
     * When it happened in the hall, ISO-8601 UTC: the {@code X-Occurred-At} header, or when the request arrived if the
     * client sent none. On what a deadline handler does, when the deadline fired. Compare the event's timestamp: when
     * it was recorded.
     */
    public static final String OCCURRED_AT = "occurredAt";

    private MetadataKeys() {
    }
}
