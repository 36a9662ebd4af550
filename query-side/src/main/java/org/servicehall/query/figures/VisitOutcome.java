package org.servicehall.query.figures;

/**
 * How a visit ended, for the figures. Exactly one per visit, decided in this order: a walk-out is
 * {@link #LEFT_WITHOUT_SERVICE} whatever happened before it; otherwise a visit seen off after a counter call is
 * {@link #SERVED_AT_COUNTER}, else after a hand-over that reached someone {@link #HANDED_OVER}, else after an
 * appointment {@link #APPOINTMENT}, else after a routing to self-service {@link #SELF_SERVED}, else {@link #OTHER}.
 */
enum VisitOutcome {
    /** called to a counter at least once, then seen off */
    SERVED_AT_COUNTER(true),
    /** routed to a self-service terminal and never called to a counter */
    SELF_SERVED(true),
    /** handed over to the back office or another department, who were reached */
    HANDED_OVER(true),
    /** nobody could be reached, an appointment was booked instead: the need is not met yet */
    APPOINTMENT(false),
    /** the customer walked out (a walk-out was recorded) */
    LEFT_WITHOUT_SERVICE(false),
    /** seen off with none of the above recorded, e.g. a question settled at the guide desk */
    OTHER(false),
    /** not seen off and no walk-out recorded (yet) */
    IN_PROGRESS(false);

    private final boolean served;

    VisitOutcome(boolean served) {
        this.served = served;
    }

    /** Whether a visit that ended so counts as served: at a counter, at self-service, or by a hand-over. */
    boolean served() {
        return served;
    }
}
