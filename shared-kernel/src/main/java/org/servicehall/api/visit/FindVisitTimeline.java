package org.servicehall.api.visit;

/** Query: the timeline of one visit, answered by the query side. */
public record FindVisitTimeline(String visitId) {
}
