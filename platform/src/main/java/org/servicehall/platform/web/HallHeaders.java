package org.servicehall.platform.web;

/** The HTTP headers of the hall's APIs beyond the standard ones ({@code If-Match}, {@code ETag}, {@code Location}). */
public final class HallHeaders {

    /** Ties together everything one request causes; generated if absent, always echoed in the response. */
    public static final String CORRELATION_ID = "X-Correlation-Id";
    /**
     * No longer read, and refused on commands so that nobody believes it is honoured: the client is the one whose API
     * key signed in.
     */
    public static final String CLIENT_ID = "X-Client-Id";
    /** The staff member acting, for commands whose body names none. */
    public static final String STAFF_ID = "X-Staff-Id";
    /** The hall, for commands whose body names none. */
    public static final String HALL_ID = "X-Hall-Id";
    /** When it happened in the hall, ISO-8601 with an offset; defaults to when the request arrived. */
    public static final String OCCURRED_AT = "X-Occurred-At";
    /** Makes a command safe to retry: the same key and request get the first response again. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** {@code true} on a response replayed for a repeated {@link #IDEMPOTENCY_KEY}. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private HallHeaders() {
    }
}
