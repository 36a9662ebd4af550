package org.servicehall.query.visit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Comparator;
import java.util.List;

/**
 * How a {@link VisitTimeline} is stored: its entries as they arrived (events of different aggregates may arrive out of
 * order) and the visit's own steps, from which the figures are computed when it is read.
 */
@Document(TimelineDocument.COLLECTION)
record TimelineDocument(@Id String visitId, String hallId, List<VisitTimeline.Entry> entries,
                        List<VisitMoment> moments) {

    static final String COLLECTION = "visit_timelines";

    private static final Comparator<VisitTimeline.Entry> IN_ORDER =
            Comparator.comparing(VisitTimeline.Entry::at).thenComparingLong(VisitTimeline.Entry::position);

    VisitTimeline timeline() {
        return new VisitTimeline(visitId, hallId, VisitFigures.of(moments == null ? List.of() : moments),
                                 entries == null ? List.of() : entries.stream().sorted(IN_ORDER).toList());
    }
}
