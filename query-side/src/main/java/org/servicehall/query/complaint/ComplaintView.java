package org.servicehall.query.complaint;

import org.servicehall.api.Channel;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintLimit;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintStatus;
import org.servicehall.api.complaint.DeadlineStanding;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.query.support.ViewCollections;
import org.springframework.data.annotation.Id;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A complaint as supervisors follow it up, without personal data (names, phones and free text stay in the events
 * until the vault lands). Its limits keep their due times and when they were met; whether one is at risk or overdue
 * depends on when it is read, so {@link Limit#state} decides that then.
 *
 * @param limits    every limit of every round: round 0 from the registration, round n from the n-th reopening
 * @param callbacks what the customer said on each callback
 * @param history   every step, in order, who took it and when
 */
record ComplaintView(@Id String id,
                     long sequence,
                     String hallId,
                     String visitId,
                     ComplaintKind kind,
                     ComplaintClass complaintClass,
                     Channel channel,
                     boolean anonymous,
                     ComplaintStatus status,
                     String department,
                     String handlerId,
                     Instant registeredAt,
                     Instant acknowledgedAt,
                     Instant closedAt,
                     int reopenCount,
                     List<Limit> limits,
                     List<Callback> callbacks,
                     List<Step> history) implements ViewCollections.ViewDocument<ComplaintView> {

    /**
     * One time limit in one round.
     *
     * @param warnedAt    when the command side warned that it is about to be missed
     * @param escalatedAt when the command side escalated it as missed
     */
    record Limit(ComplaintLimit limit, int round, Instant dueAt, Instant metAt, Instant warnedAt,
                 Instant escalatedAt) {

        LimitState state(Instant now, Duration warningBefore) {
            if (metAt != null) {
                return metAt.isAfter(dueAt) ? LimitState.MISSED : LimitState.MET;
            }
            if (escalatedAt != null || now.isAfter(dueAt)) {
                return LimitState.OVERDUE;
            }
            if (warnedAt != null || !now.plus(warningBefore).isBefore(dueAt)) {
                return LimitState.AT_RISK;
            }
            return LimitState.PENDING;
        }

        Limit met(Instant at) {
            return metAt != null ? this : new Limit(limit, round, dueAt, at, warnedAt, escalatedAt);
        }

        Limit warned(Instant at) {
            return warnedAt != null ? this : new Limit(limit, round, dueAt, metAt, at, escalatedAt);
        }

        Limit escalated(Instant at) {
            return escalatedAt != null ? this : new Limit(limit, round, dueAt, metAt, warnedAt, at);
        }
    }

    record Callback(int round, Satisfaction satisfaction, Instant at, String staffId) {
    }

    /**
     * @param type   the event's name, e.g. {@code FollowUpRecorded}
     * @param detail what a supervisor needs to know besides who and when, e.g. the department it was assigned to
     */
    record Step(String type, Instant at, String staffId, String detail) {
    }

    static ComplaintView registered(ComplaintRegistered event, Instant at) {
        List<Limit> limits = new ArrayList<>();
        if (event.firstContactDueAt() != null) {
            limits.add(new Limit(ComplaintLimit.FIRST_CONTACT, 0, event.firstContactDueAt(), null, null, null));
        }
        if (event.replyDueAt() != null) {
            limits.add(new Limit(ComplaintLimit.REPLY, 0, event.replyDueAt(), null, null, null));
        }
        return new ComplaintView(event.complaintId(), -1, event.hallId(), event.visitId(), event.kind(),
                                 event.complaintClass(), event.channel(), event.anonymous(),
                                 ComplaintStatus.REGISTERED, null, null, at, null, null, 0, List.copyOf(limits),
                                 List.of(), List.of(new Step("ComplaintRegistered", at, event.staffId(),
                                                             event.kind() + ", " + event.complaintClass() + ", by "
                                                                     + event.channel())));
    }

    ComplaintView acknowledged(Instant at, String staffId) {
        ComplaintStatus next = status == ComplaintStatus.REGISTERED ? ComplaintStatus.ACKNOWLEDGED : status;
        return with(next, department, handlerId, acknowledgedAt != null ? acknowledgedAt : at, closedAt, reopenCount,
                    current(ComplaintLimit.FIRST_CONTACT, null, limit -> limit.met(at)), callbacks,
                    step("ComplaintAcknowledged", at, staffId, "first contact"));
    }

    ComplaintView assigned(Instant at, String staffId, String toDepartment, String toHandler) {
        boolean handling = status == ComplaintStatus.REGISTERED || status == ComplaintStatus.ACKNOWLEDGED;
        return with(handling ? ComplaintStatus.ASSIGNED : status, toDepartment, toHandler, acknowledgedAt, closedAt,
                    reopenCount, limits, callbacks,
                    step("ComplaintAssigned", at, staffId, "to " + toHandler + " of " + toDepartment));
    }

    ComplaintView followedUp(Instant at, String staffId) {
        return withStep(step("FollowUpRecorded", at, staffId, null));
    }

    ComplaintView warned(Instant at, ComplaintLimit limit, Instant dueAt) {
        return with(status, department, handlerId, acknowledgedAt, closedAt, reopenCount,
                    current(limit, dueAt, entry -> entry.warned(at)), callbacks,
                    step("ComplaintLimitApproaching", at, null, limit + " due " + dueAt));
    }

    ComplaintView escalated(Instant at, ComplaintLimit limit, Instant dueAt) {
        return with(status, department, handlerId, acknowledgedAt, closedAt, reopenCount,
                    current(limit, dueAt, entry -> entry.escalated(at)), callbacks,
                    step("ComplaintEscalated", at, null, limit + " was due " + dueAt));
    }

    ComplaintView resolved(Instant at, String staffId, Instant callbackDueAt) {
        List<Limit> next = current(ComplaintLimit.REPLY, null, limit -> limit.met(at));
        if (callbackDueAt != null) {
            next = Stream.concat(next.stream(), Stream.of(
                    new Limit(ComplaintLimit.CALLBACK, reopenCount, callbackDueAt, null, null, null))).toList();
        }
        return with(ComplaintStatus.RESOLVED, department, handlerId, acknowledgedAt, closedAt, reopenCount, next,
                    callbacks, step("ComplaintResolved", at, staffId, null));
    }

    ComplaintView calledBack(Instant at, String staffId, Satisfaction satisfaction) {
        List<Callback> nextCallbacks = Stream.concat(callbacks.stream(),
                                                     Stream.of(new Callback(reopenCount, satisfaction, at, staffId)))
                                             .toList();
        return with(ComplaintStatus.CALLED_BACK, department, handlerId, acknowledgedAt, closedAt, reopenCount,
                    current(ComplaintLimit.CALLBACK, null, limit -> limit.met(at)), nextCallbacks,
                    step("CallbackRecorded", at, staffId, String.valueOf(satisfaction)));
    }

    /** Handled again: the reply limit starts over in a new round. */
    ComplaintView reopened(Instant at, String staffId, Instant replyDueAt) {
        int round = reopenCount + 1;
        List<Limit> next = replyDueAt == null ? limits : Stream.concat(limits.stream(), Stream.of(
                new Limit(ComplaintLimit.REPLY, round, replyDueAt, null, null, null))).toList();
        ComplaintStatus handling = handlerId != null ? ComplaintStatus.ASSIGNED
                : acknowledgedAt != null ? ComplaintStatus.ACKNOWLEDGED : ComplaintStatus.REGISTERED;
        return with(handling, department, handlerId, acknowledgedAt, null, round, next, callbacks,
                    step("ComplaintReopened", at, staffId, "round " + round));
    }

    ComplaintView closed(Instant at, String staffId) {
        return with(ComplaintStatus.CLOSED, department, handlerId, acknowledgedAt, at, reopenCount, limits, callbacks,
                    step("ComplaintClosed", at, staffId, null));
    }

    /** Every limit as it stands at {@code now}. */
    List<LimitState> states(Instant now, Duration warningBefore) {
        return limits.stream().map(limit -> limit.state(now, warningBefore)).toList();
    }

    @Override
    public ComplaintView withSequence(long sequence) {
        return new ComplaintView(id, sequence, hallId, visitId, kind, complaintClass, channel, anonymous, status,
                                 department, handlerId, registeredAt, acknowledgedAt, closedAt, reopenCount, limits,
                                 callbacks, history);
    }

    /** A closed complaint's limits no longer change: they were all met on time, or some was missed. */
    @Override
    public Map<String, String> archiveTags() {
        List<LimitState> atClosing = closedAt == null ? List.of() : states(closedAt, Duration.ZERO);
        DeadlineStanding deadline = LimitState.stand(atClosing, DeadlineStanding.MET) ? DeadlineStanding.MET
                : LimitState.stand(atClosing, DeadlineStanding.MISSED) ? DeadlineStanding.MISSED : null;
        return ViewCollections.tags("hallId", hallId, "complaintClass", complaintClass, "department", department,
                                    "deadline", deadline);
    }

    /**
     * The limit an event is about: the one with the due time it names, else the latest round's. Due times are
     * compared to the millisecond, which is what MongoDB keeps.
     */
    private List<Limit> current(ComplaintLimit which, Instant dueAt, UnaryOperator<Limit> change) {
        int index = lastIndex(limit -> limit.limit() == which && dueAt != null
                && limit.dueAt().truncatedTo(ChronoUnit.MILLIS).equals(dueAt.truncatedTo(ChronoUnit.MILLIS)));
        if (index < 0) {
            index = lastIndex(limit -> limit.limit() == which);
        }
        if (index < 0) {
            return limits;
        }
        List<Limit> next = new ArrayList<>(limits);
        next.set(index, change.apply(limits.get(index)));
        return List.copyOf(next);
    }

    private int lastIndex(Predicate<Limit> condition) {
        for (int i = limits.size() - 1; i >= 0; i--) {
            if (condition.test(limits.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private List<Step> step(String type, Instant at, String staffId, String detail) {
        return Stream.concat(history.stream(), Stream.of(new Step(type, at, staffId, detail))).toList();
    }

    private ComplaintView withStep(List<Step> nextHistory) {
        return new ComplaintView(id, sequence, hallId, visitId, kind, complaintClass, channel, anonymous, status,
                                 department, handlerId, registeredAt, acknowledgedAt, closedAt, reopenCount, limits,
                                 callbacks, nextHistory);
    }

    private ComplaintView with(ComplaintStatus nextStatus, String nextDepartment, String nextHandler,
                               Instant nextAcknowledgedAt, Instant nextClosedAt, int nextReopenCount,
                               List<Limit> nextLimits, List<Callback> nextCallbacks, List<Step> nextHistory) {
        return new ComplaintView(id, sequence, hallId, visitId, kind, complaintClass, channel, anonymous, nextStatus,
                                 nextDepartment, nextHandler, registeredAt, nextAcknowledgedAt, nextClosedAt,
                                 nextReopenCount, nextLimits, nextCallbacks, nextHistory);
    }
}
