package org.servicehall.platform.signin;

/**
 * What a person signed in to either side may do. On the query side everyone reads the views, with personal data
 * masked; only {@link #COMPLIANCE} sees it in clear, reads histories and erases customers' personal data. On the
 * command side people send no commands (integrator clients do): {@link #ADMIN} manages the clients, and a
 * {@link #SUPERVISOR} authorises refunds.
 */
public enum Role {
    /** Reads views and service figures; personal data masked. */
    ANALYST,
    /** A hall supervisor: reads views (personal data masked) and authorises refunds. */
    SUPERVISOR,
    /** Reads histories and personal data in clear, erases customers' personal data, rebuilds views. */
    COMPLIANCE,
    /** Operates the system: the integrator clients and their keys, rebuilds, dead letters; personal data masked. */
    ADMIN;

    private static final String PREFIX = "ROLE_";

    /** The Spring Security authority standing for this role. */
    public String authority() {
        return PREFIX + name();
    }
}
