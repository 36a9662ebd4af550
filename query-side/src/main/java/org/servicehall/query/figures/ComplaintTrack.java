package org.servicehall.query.figures;

import org.servicehall.api.complaint.Satisfaction;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One complaint as the figures follow it: whether each of its time limits was met, where it was closed, and its
 * callbacks. A limit is met when its step happened at or before the due time the events announced (times compared,
 * so the figure does not depend on when the deadline manager fired).
 */
@Document(ComplaintTrack.COLLECTION)
class ComplaintTrack extends Track {

    static final String COLLECTION = "figure_complaints";

    String hallId;
    String staffId;
    Instant firstContactDueAt;
    Instant replyDueAt;
    Instant callbackDueAt;
    boolean contacted;
    boolean firstContactMet;
    boolean resolved;
    boolean repliesMet = true;
    boolean calledBack;
    boolean callbacksMet = true;
    /** the local date it was closed, ISO-8601, while it is closed */
    String closedDay;
    /** days it was closed on before being reopened: their rollups must not count it any more */
    List<String> formerClosedDays = new ArrayList<>();
    List<Callback> callbacks = new ArrayList<>();

    static class Callback {
        String key;
        String day;
        Satisfaction satisfaction;
    }

    void registered(String hallId, String staffId, Instant firstContactDueAt, Instant replyDueAt) {
        this.hallId = hallId;
        this.staffId = staffId;
        this.firstContactDueAt = firstContactDueAt;
        this.replyDueAt = replyDueAt;
    }

    /** The first contact is the acknowledgement or, should there be none before it, the handling opinion. */
    void contacted(Instant at) {
        if (!contacted) {
            contacted = true;
            firstContactMet = met(at, firstContactDueAt);
        }
    }

    void resolved(Instant at, Instant callbackDueAt) {
        contacted(at);
        resolved = true;
        repliesMet &= met(at, replyDueAt);
        this.callbackDueAt = callbackDueAt;
    }

    void calledBack(String key, String day, Instant at, Satisfaction satisfaction) {
        calledBack = true;
        callbacksMet &= met(at, callbackDueAt);
        Callback callback = new Callback();
        callback.key = key;
        callback.day = day;
        callback.satisfaction = satisfaction;
        callbacks.add(callback);
    }

    void reopened(Instant replyDueAt) {
        this.replyDueAt = replyDueAt;
        if (closedDay != null && !formerClosedDays.contains(closedDay)) {
            formerClosedDays.add(closedDay);
        }
        closedDay = null;
    }

    void closed(String day) {
        closedDay = day;
        formerClosedDays.remove(day);
    }

    /**
     * Within limits: first contact, every reply (against the reply limit in force: from registration, or from the last
     * reopening) and every callback (against the limit set by the resolution before it) on time. A step that never
     * happened counts as missed.
     */
    boolean withinLimits() {
        return contacted && firstContactMet && resolved && repliesMet && calledBack && callbacksMet;
    }

    private static boolean met(Instant at, Instant dueAt) {
        return dueAt == null || !at.isAfter(dueAt);
    }

    FigureDay.Complaint figures() {
        return new FigureDay.Complaint(staffId, withinLimits());
    }

    FigureDay.Callback figures(Callback callback) {
        return new FigureDay.Callback(staffId, callback.satisfaction);
    }
}
