package org.servicehall.api.complaint;

/**
 * Where a complaint stands, as the query side derives it from its events. Every status but {@link #CLOSED} is open;
 * a reopened complaint is back in handling ({@link #ASSIGNED}, or earlier if it never got a handler).
 */
public enum ComplaintStatus {
    /** registered, the complainant not yet contacted */
    REGISTERED,
    /** the complainant was contacted, no handler yet */
    ACKNOWLEDGED,
    /** a department and a handler work on it */
    ASSIGNED,
    /** the handling opinion was given; the callback is due */
    RESOLVED,
    /** the customer was called back; closing is due */
    CALLED_BACK,
    CLOSED
}
