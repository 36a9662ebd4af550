package org.servicehall.query.security;

/**
 * What a user of the read API may do. Everyone reads the views, with personal data masked; only {@link #COMPLIANCE}
 * sees it in clear, reads histories and erases customers' personal data.
 */
public enum Role {
    /** Reads views and service figures; personal data masked. Anonymous callers are analysts. */
    ANALYST,
    /** A hall supervisor: reads views; personal data masked. */
    SUPERVISOR,
    /** Reads histories and personal data in clear, erases customers' personal data, rebuilds views. */
    COMPLIANCE,
    /** Operates the system (the admin endpoints); personal data masked. */
    ADMIN;

    String authority() {
        return "ROLE_" + name();
    }
}
