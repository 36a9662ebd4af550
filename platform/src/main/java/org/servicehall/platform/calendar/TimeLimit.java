package org.servicehall.platform.calendar;

import java.time.Instant;

/**
 * When something is due, and when to warn that it soon will be.
 *
 * @param warningAt when the warning comes (before {@code dueAt})
 * @param dueAt     the end of the last working day allowed; at that instant the limit is missed
 */
public record TimeLimit(Instant warningAt, Instant dueAt) {
}
