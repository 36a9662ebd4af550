package org.servicehall.query.figures;

import org.servicehall.api.BusinessType;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.api.visit.VisitOutcome;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;

/**
 * The rollup of one hall's local day, {@code _id} {@code <hallId>/<yyyy-MM-dd>}: what each visit, consultation, work
 * order, complaint and callback contributes to that day's figures, keyed by its own id. Setting a contribution by key
 * is idempotent, which plain counters under at-least-once delivery are not; and keeping values rather than counts
 * lets a read compute exact averages and percentiles by merging the days of a range. A range of n days reads n
 * documents by {@code _id $in}, served by the primary key on MongoDB and on the embedded server alike, however long
 * the history. Maps are absent when the day has nothing of that kind.
 *
 * @param visits              visits that arrived this day (a visit crossing midnight stays on its arrival day)
 * @param consultations       consultations opened this day
 * @param workOrdersCompleted work orders completed this day
 * @param workOrdersDue       work orders due this day, completed or not (for those still open past their due time)
 * @param complaintsClosed    complaints closed this day
 * @param callbacks           callbacks recorded this day, keyed by complaint and event
 */
@Document(FigureDay.COLLECTION)
record FigureDay(@Id String id,
                 String hallId,
                 String day,
                 Map<String, Visit> visits,
                 Map<String, Consultation> consultations,
                 Map<String, WorkOrder> workOrdersCompleted,
                 Map<String, WorkOrder> workOrdersDue,
                 Map<String, Complaint> complaintsClosed,
                 Map<String, Callback> callbacks) {

    static final String COLLECTION = "figure_days";

    /**
     * @param businessType   the need last identified, else the business type of the last queue ticket, else none
     * @param staffId        who made the first counter call (the clerk the visit's figures count for), if any
     * @param routedBy       who routed the customer first (the guide the routing figures count for), if anyone
     * @param routed         whether the customer was routed or re-routed at least once
     * @param wrongJudgement whether the customer was re-routed at least once because a routing was a wrong judgement
     * @param waitingMillis  time from each queue ticket to the counter call that ended its wait, summed; none if no
     *                       ticket was ever called
     * @param serviceMillis  time from each counter call to the next queue ticket or the see-off, summed; only for
     *                       visits called to a counter and then seen off
     * @param outcome        as {@link VisitOutcome} defines it
     */
    record Visit(BusinessType businessType, String staffId, String routedBy, boolean routed, boolean wrongJudgement,
                 Long waitingMillis, Long serviceMillis, VisitOutcome outcome) {
    }

    /**
     * @param staffId             who opened the consultation (listened to the question)
     * @param answeredOnTheSpot   answered and no work order created
     * @param turnedIntoWorkOrder at least one work order created
     */
    record Consultation(BusinessType topic, String staffId, boolean answeredOnTheSpot, boolean turnedIntoWorkOrder) {
    }

    /**
     * A work order with its consultation's topic and staff member. Completed within its limit means completed at or
     * before its due time; one without a due time has no limit to miss.
     */
    record WorkOrder(BusinessType topic, String staffId, Instant dueAt, Instant completedAt) {

        boolean completedWithinLimit() {
            return completedAt != null && (dueAt == null || !completedAt.isAfter(dueAt));
        }

        boolean openOverdue(Instant asOf) {
            return completedAt == null && dueAt != null && dueAt.isBefore(asOf);
        }
    }

    /**
     * @param staffId      who registered the complaint
     * @param withinLimits whether every limit was met (see {@code ComplaintTrack#withinLimits})
     */
    record Complaint(String staffId, boolean withinLimits) {
    }

    /** @param staffId who registered the complaint */
    record Callback(String staffId, Satisfaction satisfaction) {
    }
}
