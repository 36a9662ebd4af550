package org.servicehall.command.complaint;

import org.servicehall.api.complaint.ComplaintLimit;

import java.time.Instant;

/** When a complaint's limit falls due at a hall, and when to warn that it soon will. */
interface ComplaintDeadlines {

    /** @param from registration or reopening for the first contact and the reply, the resolution for the callback */
    Due due(String hallId, ComplaintLimit limit, Instant from);

    record Due(Instant warningAt, Instant dueAt) {
    }
}
