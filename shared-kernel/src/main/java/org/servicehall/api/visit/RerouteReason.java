package org.servicehall.api.visit;

/** Why a customer was routed again. Only WRONG_JUDGEMENT counts as a routing error. */
public enum RerouteReason {
    /** the first routing was a wrong judgement: a routing error */
    WRONG_JUDGEMENT,
    /** the customer changed or added a need */
    NEED_CHANGED,
    /** the destination could not serve (closed, no staff, system down) */
    SERVICE_UNAVAILABLE
}
