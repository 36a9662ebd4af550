package org.servicehall.query.complaint;

import org.servicehall.api.complaint.DeadlineStanding;

import java.util.Collection;

/** How one time limit of a complaint stands at the moment it is read. */
enum LimitState {
    /** not met, and not yet within its hall's warning-before of the due time */
    PENDING,
    /** not met, within its hall's warning-before of the due time (or the command side warned) */
    AT_RISK,
    /** not met and past due (or the command side escalated) */
    OVERDUE,
    /** met on time */
    MET,
    /** met, but late */
    MISSED;

    /** Whether a complaint whose limits are in these states stands as the board's filter asks. */
    static boolean stand(Collection<LimitState> states, DeadlineStanding standing) {
        return switch (standing) {
            case OVERDUE -> states.contains(OVERDUE);
            case AT_RISK -> states.contains(AT_RISK);
            case MISSED -> states.contains(MISSED) || states.contains(OVERDUE);
            case MET -> !states.isEmpty() && states.stream().allMatch(MET::equals);
        };
    }
}
