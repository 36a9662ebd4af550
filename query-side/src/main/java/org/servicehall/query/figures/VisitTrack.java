package org.servicehall.query.figures;

import org.servicehall.api.BusinessType;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.RerouteReason;
import org.servicehall.api.visit.VisitOutcome;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;

/**
 * One visit as the figures follow it. Time alternates between waiting (from a queue ticket to the counter call that
 * ends it) and service (from a counter call to the next queue ticket, when re-routed, or to the see-off); a visit's
 * waiting and service times are the sums of its periods.
 */
@Document(VisitTrack.COLLECTION)
class VisitTrack extends Track {

    static final String COLLECTION = "figure_visits";

    enum Phase { NONE, WAITING, SERVING }

    enum Ending { SEEN_OFF, LEFT }

    String hallId;
    /** the local date of arrival, ISO-8601 */
    String day;
    BusinessType need;
    BusinessType ticketType;
    String staffId;
    String routedBy;
    boolean routed;
    boolean wrongJudgement;
    Destination lastRouting;
    boolean handedOver;
    boolean appointment;
    boolean called;
    Phase phase = Phase.NONE;
    Instant phaseSince;
    int completedWaits;
    long waitingMillis;
    long serviceMillis;
    Ending ending;

    void started(String hallId, String day) {
        this.hallId = hallId;
        this.day = day;
    }

    void needIdentified(BusinessType businessType) {
        need = businessType;
    }

    void routed(String staffId, Destination destination) {
        routed = true;
        if (routedBy == null) {
            routedBy = staffId;
        }
        lastRouting = destination;
    }

    void rerouted(String staffId, RerouteReason reason, Destination destination) {
        routed(staffId, destination);
        wrongJudgement |= reason == RerouteReason.WRONG_JUDGEMENT;
    }

    /** A second ticket while still waiting replaces the first: the customer has waited since the first one. */
    void ticketIssued(BusinessType businessType, Instant at) {
        ticketType = businessType;
        if (phase == Phase.SERVING) {
            serviceMillis = Math.addExact(serviceMillis, millisSince(at));
        }
        if (phase != Phase.WAITING) {
            phase = Phase.WAITING;
            phaseSince = at;
        }
    }

    /** A call while already at a counter (recalled, or sent to another counter without a ticket) goes on serving. */
    void called(String staffId, Instant at) {
        called = true;
        if (this.staffId == null) {
            this.staffId = staffId;
        }
        if (phase == Phase.WAITING) {
            waitingMillis = Math.addExact(waitingMillis, millisSince(at));
            completedWaits++;
        }
        if (phase != Phase.SERVING) {
            phase = Phase.SERVING;
            phaseSince = at;
        }
    }

    void handedOver(boolean reached) {
        handedOver |= reached;
    }

    void appointmentBooked() {
        appointment = true;
    }

    void seenOff(Instant at) {
        if (phase == Phase.SERVING) {
            serviceMillis = Math.addExact(serviceMillis, millisSince(at));
        }
        end(Ending.SEEN_OFF);
    }

    /** A wait cut short by a walk-out is no waiting time: it never ended in a call. */
    void leftWithoutService() {
        end(Ending.LEFT);
    }

    private void end(Ending how) {
        ending = how;
        phase = Phase.NONE;
        phaseSince = null;
    }

    /** Clocks of different terminals may disagree by a little; a period never counts as negative. */
    private long millisSince(Instant at) {
        return Math.max(0, Duration.between(phaseSince, at).toMillis());
    }

    /** The rules of {@link VisitOutcome}, the visit timeline's and search's too, so the figures count the same. */
    VisitOutcome outcome() {
        if (ending == null) {
            return VisitOutcome.IN_PROGRESS;
        }
        if (ending == Ending.LEFT) {
            return VisitOutcome.LEFT_WITHOUT_SERVICE;
        }
        if (appointment) {
            return VisitOutcome.APPOINTMENT;
        }
        if (handedOver) {
            return VisitOutcome.HANDED_OVER;
        }
        return !called && lastRouting == Destination.SELF_SERVICE ? VisitOutcome.SELF_SERVED : VisitOutcome.SERVED;
    }

    FigureDay.Visit figures() {
        return new FigureDay.Visit(need != null ? need : ticketType, staffId, routedBy, routed, wrongJudgement,
                                   completedWaits > 0 ? waitingMillis : null,
                                   called && ending == Ending.SEEN_OFF ? serviceMillis : null, outcome());
    }
}
