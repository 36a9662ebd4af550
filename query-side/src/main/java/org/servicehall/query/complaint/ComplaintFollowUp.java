package org.servicehall.query.complaint;

import org.servicehall.api.Channel;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintLimit;
import org.servicehall.api.complaint.ComplaintStatus;
import org.servicehall.api.complaint.DeadlineStanding;
import org.servicehall.api.complaint.Satisfaction;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A complaint as a supervisor reads it, at the moment it is read: each limit with its state then, the nearest limit
 * still to be met, and (for one complaint, not on the board) its history.
 *
 * @param nextDue the limit still to be met that is due first; none once all are met
 */
record ComplaintFollowUp(String complaintId,
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
                         Instant closedAt,
                         int reopenCount,
                         Satisfaction satisfaction,
                         LimitStatus nextDue,
                         List<LimitStatus> limits,
                         List<ComplaintView.Callback> callbacks,
                         List<ComplaintView.Step> history) {

    /** The board's order: the nearest due limit first; complaints with nothing left to meet last, oldest first. */
    static final Comparator<ComplaintFollowUp> BOARD_ORDER = Comparator
            .comparing((ComplaintFollowUp complaint) -> complaint.nextDue() == null ? Instant.MAX
                    : complaint.nextDue().dueAt())
            .thenComparing(ComplaintFollowUp::registeredAt)
            .thenComparing(ComplaintFollowUp::complaintId);

    /** One limit of one round, as it stands when read. */
    record LimitStatus(ComplaintLimit limit, int round, Instant dueAt, LimitState state, Instant metAt,
                       Instant warnedAt, Instant escalatedAt) {
    }

    static ComplaintFollowUp of(ComplaintView view, Instant now, Duration warningBefore, boolean withHistory) {
        List<LimitStatus> limits = view.limits().stream()
                                       .map(limit -> new LimitStatus(limit.limit(), limit.round(), limit.dueAt(),
                                                                     limit.state(now, warningBefore), limit.metAt(),
                                                                     limit.warnedAt(), limit.escalatedAt()))
                                       .toList();
        LimitStatus nextDue = limits.stream().filter(limit -> limit.metAt() == null)
                                    .min(Comparator.comparing(LimitStatus::dueAt)).orElse(null);
        Satisfaction satisfaction = view.callbacks().isEmpty() ? null
                : view.callbacks().get(view.callbacks().size() - 1).satisfaction();
        return new ComplaintFollowUp(view.id(), view.hallId(), view.visitId(), view.kind(), view.complaintClass(),
                                     view.channel(), view.anonymous(), view.status(), view.department(),
                                     view.handlerId(), view.registeredAt(), view.closedAt(), view.reopenCount(),
                                     satisfaction, nextDue, limits, view.callbacks(),
                                     withHistory ? view.history() : null);
    }

    /** Whether this complaint stands as the filter asks; see {@link DeadlineStanding}. */
    boolean stands(DeadlineStanding standing) {
        return LimitState.stand(limits.stream().map(LimitStatus::state).toList(), standing);
    }
}
