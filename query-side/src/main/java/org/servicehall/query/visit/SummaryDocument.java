package org.servicehall.query.visit;

import org.servicehall.api.BusinessType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;
import java.util.Set;

/**
 * How a {@link VisitSummary} is stored, with what keeps it right: the steps its figures are computed from and the
 * events already applied.
 *
 * @param day the local date (in the hall's zone) the visit started on, e.g. {@code 2026-11-28}
 */
@Document(SummaryDocument.COLLECTION)
record SummaryDocument(@Id String visitId, String hallId, String day, Set<BusinessType> businessTypes,
                       Set<String> staffIds, VisitFigures figures, List<VisitMoment> moments, List<String> eventIds) {

    static final String COLLECTION = "visit_summaries";

    static SummaryDocument empty(String visitId) {
        return new SummaryDocument(visitId, null, null, Set.of(), Set.of(), VisitFigures.of(List.of()), List.of(),
                                   List.of());
    }

    SummaryDocument withFigures(VisitFigures figures) {
        return new SummaryDocument(visitId, hallId, day, businessTypes, staffIds, figures, moments, eventIds);
    }

    VisitSummary summary() {
        return new VisitSummary(visitId, hallId, day, businessTypes == null ? Set.of() : businessTypes,
                                staffIds == null ? Set.of() : staffIds, figures);
    }
}
