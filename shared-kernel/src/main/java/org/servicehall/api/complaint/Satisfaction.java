package org.servicehall.api.complaint;

/** What the customer said on the callback (回访). */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    UNSATISFIED
}
