package org.servicehall.query.conduct;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.servicehall.api.conduct.FindConductReport.ReportGrouping;

import java.time.LocalDate;
import java.util.List;

/**
 * Compliance rates of a hall over a range of its days: per group, the verdicts that passed and the findings, and
 * the rate passes / (passes + findings). Only enabled rules count.
 *
 * @param groups one per day of the range (grouped by day), per staff member (null: the events named nobody), or per
 *               enabled rule, in key order
 * @param total  the whole range
 */
record ConductReport(@Schema(example = "dalian-01") String hallId, LocalDate from, LocalDate to,
                     ReportGrouping groupBy, List<Group> groups, Group total) {

    /**
     * @param complianceRate passes / judged, from 0 to 1; null when nothing was judged
     */
    record Group(@Schema(example = "belongings-reminder") String key,
                 @Schema(example = "45") long passes,
                 @Schema(example = "3") long findings,
                 @Schema(example = "48") long judged,
                 // shown as null, not left out, so every group has the same fields (as in the figures)
                 @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "0.9375") Double complianceRate) {

        static Group of(String key, long passes, long findings) {
            long judged = passes + findings;
            return new Group(key, passes, findings, judged, judged == 0 ? null : (double) passes / judged);
        }
    }
}
