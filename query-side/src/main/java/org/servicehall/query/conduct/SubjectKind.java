package org.servicehall.query.conduct;

/** What the audit judges: one aggregate of each kind, by the events of its own stream. */
enum SubjectKind {
    VISIT,
    CONSULTATION,
    APPLICATION,
    PAYMENT,
    COMPLAINT
}
