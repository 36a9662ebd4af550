package org.servicehall.query.figures;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.api.visit.VisitOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The service figures of one hall for a range of days: one row per group, then the totals over the whole range.
 * Durations are given in seconds and in minutes, each rounded half up to one decimal; percentages likewise. A figure
 * whose denominator is zero (an average of nothing, a rate of nothing) is {@code null}, and shown as such, so every
 * row has the same columns.
 *
 * @param groupBy              {@code day}, {@code businessType} or {@code staff}
 * @param timeZone             the zone whose local dates the days are
 * @param waitingTargetSeconds the waiting-time target ({@code hall.figures.waiting-target})
 * @param asOf                 when the figures were taken (open overdue work orders depend on it)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ServiceFigures(@Schema(example = "dalian-01") String hallId,
                      @Schema(example = "2026-11-23") LocalDate from,
                      @Schema(example = "2026-11-29") LocalDate to,
                      @Schema(example = "day", allowableValues = {"day", "businessType", "staff"}) String groupBy,
                      @Schema(example = "Asia/Shanghai") String timeZone,
                      @Schema(example = "900.0") double waitingTargetSeconds,
                      @Schema(example = "15.0") double waitingTargetMinutes,
                      @Schema(example = "2026-11-30T08:00:00Z") Instant asOf,
                      List<Row> rows,
                      Figures total) {

    /**
     * @param group the day ({@code 2026-11-28}), the business type ({@code BILLING_INQUIRY}) or the staff id; null for
     *              what has no business type or no staff member
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Row(@Schema(example = "2026-11-27", nullable = true) String group, @JsonUnwrapped Figures figures) {
    }

    /**
     * @param arrivals      visits started
     * @param served        visits {@link VisitOutcome#SERVED} (at a counter or the guide desk), {@code SELF_SERVED} or
     *                      {@code HANDED_OVER}
     * @param servedPercent served / arrivals
     * @param outcomes      visits by outcome, every outcome listed
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Figures(long arrivals, long served, Double servedPercent, Map<VisitOutcome, Long> outcomes,
                   Waiting waiting, Service service, Routing routing, Consultations consultations,
                   WorkOrders workOrders, Complaints complaints, SatisfactionFigures satisfaction) {
    }

    /**
     * @param visits            visits with a waiting time
     * @param p90Seconds        the 90th percentile by nearest rank: the value at rank ceil(0.9 × visits) in ascending
     *                          order
     * @param overTarget        visits that waited longer than the target
     * @param overTargetPercent overTarget / visits
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Waiting(long visits, Double averageSeconds, Double averageMinutes, Double p90Seconds, Double p90Minutes,
                   long overTarget, Double overTargetPercent) {
    }

    /** @param visits visits with a service time; {@code p90} as for {@link Waiting} */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Service(long visits, Double averageSeconds, Double averageMinutes, Double p90Seconds, Double p90Minutes) {
    }

    /**
     * @param routed       visits routed (or re-routed) at least once
     * @param errors       of those, visits re-routed at least once because a routing was a wrong judgement
     * @param errorPercent errors / routed
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Routing(long routed, long errors, Double errorPercent) {
    }

    /**
     * @param opened               consultations opened
     * @param answeredOnTheSpot    answered without a work order
     * @param turnedIntoWorkOrders with at least one work order
     * @param onTheSpotPercent     answeredOnTheSpot / (answeredOnTheSpot + turnedIntoWorkOrders): of those settled
     *                             one way or the other, consultations still pending left out
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Consultations(long opened, long answeredOnTheSpot, long turnedIntoWorkOrders, Double onTheSpotPercent) {
    }

    /**
     * @param completed            work orders completed
     * @param completedWithinLimit of those, completed at or before their due time
     * @param withinLimitPercent   completedWithinLimit / completed
     * @param openOverdue          work orders due in the range, still open after their due time at {@code asOf}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record WorkOrders(long completed, long completedWithinLimit, Double withinLimitPercent, long openOverdue) {
    }

    /**
     * @param closed              complaints closed
     * @param closedWithinLimits  of those, with every time limit met
     * @param withinLimitsPercent closedWithinLimits / closed
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Complaints(long closed, long closedWithinLimits, Double withinLimitsPercent) {
    }

    /** @param levels callbacks by the satisfaction the customer gave, every level listed */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SatisfactionFigures(long callbacks, Map<Satisfaction, Long> levels) {
    }
}
