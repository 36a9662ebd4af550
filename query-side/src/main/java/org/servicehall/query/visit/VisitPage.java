package org.servicehall.query.visit;

import java.util.List;

/** One page of visit search. */
record VisitPage(List<VisitSummary> items, int page, int size, long totalItems, int totalPages) {
}
