package org.servicehall.api.complaint;

/** How a complaint stands against its time limits, for filtering the board. */
public enum DeadlineStanding {
    /** some limit is past due and not met */
    OVERDUE,
    /** some limit is not met and due soon (within the warning window, or the command side warned) */
    AT_RISK,
    /** some limit was missed: met late, or past due and not met */
    MISSED,
    /** every limit so far was met on time, none pending */
    MET
}
