package org.servicehall.command.complaint;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.complaint.AcknowledgeComplaint;
import org.servicehall.api.complaint.AssignComplaint;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.CloseComplaint;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintAssigned;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintEscalated;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintLimit;
import org.servicehall.api.complaint.ComplaintLimitApproaching;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintReopened;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.complaint.FollowUpRecorded;
import org.servicehall.api.complaint.RecordCallback;
import org.servicehall.api.complaint.RecordFollowUp;
import org.servicehall.api.complaint.RegisterComplaint;
import org.servicehall.api.complaint.ReopenComplaint;
import org.servicehall.api.complaint.ResolveComplaint;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.platform.calendar.TimeLimit;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A complaint (投诉), report (举报) or opinion (意见), from registration until it is closed after the customer was
 * called back (回访). It is held to three time limits counted in working days on its hall's calendar: first contact
 * and reply from registration (the reply again from a reopening), callback from the resolution. Each open limit has
 * two deadlines, a warning before it and an escalation when it is missed; meeting the limit cancels both. Limits count
 * from when the command is recorded (the event's own timestamp), not from a client's {@code occurredAt}: they are the
 * utility's commitment from the moment the matter is in its system.
 * <p>
 * Only a report may be anonymous. Nobody can be contacted or called back about an anonymous report, so it has no
 * first-contact or callback limit, and it is closed once resolved.
 * <p>
 * Deadlines fire at least once and may race a cancellation, so a deadline only counts while its limit is still open
 * with the same due time; a warning or escalation is recorded once per limit and due time.
 */
@Aggregate
class Complaint {

    /** What a deadline carries. Stored with pending deadlines: renaming it strands them. */
    record LimitWarning(ComplaintLimit limit, Instant dueAt) {
    }

    /** What a deadline carries. Stored with pending deadlines: renaming it strands them. */
    record LimitMissed(ComplaintLimit limit, Instant dueAt) {
    }

    @AggregateIdentifier
    private String complaintId;
    private String hallId;
    private String customerId;
    private boolean anonymous;
    private boolean acknowledged;
    private boolean assigned;
    private boolean resolved;
    private Satisfaction callback;
    private boolean closed;
    /** Limits not met yet, with their due times. */
    private final Map<ComplaintLimit, Instant> openLimits = new EnumMap<>(ComplaintLimit.class);
    private final Set<ComplaintLimit> warned = EnumSet.noneOf(ComplaintLimit.class);
    private final Set<ComplaintLimit> escalated = EnumSet.noneOf(ComplaintLimit.class);

    Complaint() {
        // for Axon to rebuild the complaint from its events
    }

    /** One registered during a visit is opened by {@link ComplaintRegistration}, which asks the visit too. */
    Complaint(RegisterComplaint command, ServiceCalendar calendar, DeadlineManager deadlineManager) {
        if (command.anonymous()) {
            if (command.kind() != ComplaintKind.REPORT) {
                throw new RuleViolation("anonymous-only-for-reports", "Only a report (举报) may be anonymous, not this "
                        + command.kind().name().toLowerCase(Locale.ROOT));
            }
            if (command.complainantName() != null || command.complainantPhone() != null) {
                throw new RuleViolation("anonymous-with-contact-details",
                                        "An anonymous report carries no complainant name or phone");
            }
        } else if (command.complainantPhone() == null || command.complainantPhone().isBlank()) {
            throw new RuleViolation("complainant-phone-required", "A complainant who is not anonymous gives a phone "
                    + "number: they are contacted and called back");
        }
        Instant now = GenericEventMessage.clock.instant();
        Instant firstContactDueAt = command.anonymous() ? null
                : schedule(calendar, deadlineManager, command.hallId(), ComplaintLimit.FIRST_CONTACT, now);
        Instant replyDueAt = schedule(calendar, deadlineManager, command.hallId(), ComplaintLimit.REPLY, now);
        apply(new ComplaintRegistered(command.complaintId(), command.visitId(), command.hallId(), command.staffId(),
                                      command.kind(), command.complaintClass(), command.channel(),
                                      command.anonymous(), command.customerId(), command.complainantName(),
                                      command.complainantPhone(), command.description(), firstContactDueAt,
                                      replyDueAt));
    }

    @CommandHandler
    void handle(AcknowledgeComplaint command, DeadlineManager deadlineManager) {
        requireNotClosed();
        requireNotAnonymous("acknowledged");
        if (acknowledged) {
            throw new RuleViolation("complaint-already-acknowledged", "Complaint " + complaintId
                    + " was already acknowledged");
        }
        cancel(deadlineManager, ComplaintLimit.FIRST_CONTACT);
        apply(new ComplaintAcknowledged(complaintId, command.staffId()));
    }

    @CommandHandler
    void handle(AssignComplaint command) {
        requireNotClosed();
        requireNotResolved("assigned");
        apply(new ComplaintAssigned(complaintId, command.staffId(), command.department(), command.handlerId()));
    }

    @CommandHandler
    void handle(RecordFollowUp command) {
        requireNotClosed();
        apply(new FollowUpRecorded(complaintId, command.staffId(), customerId, command.note()));
    }

    @CommandHandler
    void handle(ResolveComplaint command, ServiceCalendar calendar, DeadlineManager deadlineManager) {
        requireNotClosed();
        requireNotResolved("resolved");
        if (!anonymous && !acknowledged) {
            throw new RuleViolation("complaint-not-acknowledged", "Complaint " + complaintId
                    + " is resolved only after the complainant was contacted (acknowledged)");
        }
        if (!assigned) {
            throw new RuleViolation("complaint-not-assigned", "Complaint " + complaintId
                    + " is resolved only after it was assigned to a department and a handler");
        }
        cancel(deadlineManager, ComplaintLimit.REPLY);
        Instant callbackDueAt = anonymous ? null : schedule(calendar, deadlineManager, hallId,
                                                             ComplaintLimit.CALLBACK,
                                                             GenericEventMessage.clock.instant());
        apply(new ComplaintResolved(complaintId, command.staffId(), customerId, command.resolution(),
                                    callbackDueAt));
    }

    @CommandHandler
    void handle(RecordCallback command, DeadlineManager deadlineManager) {
        requireNotClosed();
        requireNotAnonymous("called back");
        if (!resolved) {
            throw new RuleViolation("complaint-not-resolved", "Complaint " + complaintId
                    + " is called back only after it was resolved");
        }
        if (callback != null) {
            throw new RuleViolation("callback-already-recorded", "The callback on complaint " + complaintId
                    + " was already recorded");
        }
        cancel(deadlineManager, ComplaintLimit.CALLBACK);
        apply(new CallbackRecorded(complaintId, command.staffId(), command.satisfaction(), customerId,
                                   command.note()));
    }

    @CommandHandler
    void handle(ReopenComplaint command, ServiceCalendar calendar, DeadlineManager deadlineManager) {
        requireNotClosed();
        if (callback != Satisfaction.UNSATISFIED) {
            throw new RuleViolation("reopen-needs-unsatisfied-callback", "Complaint " + complaintId
                    + " is reopened only when the customer said on the callback they are unsatisfied");
        }
        Instant replyDueAt = schedule(calendar, deadlineManager, hallId, ComplaintLimit.REPLY,
                                      GenericEventMessage.clock.instant());
        apply(new ComplaintReopened(complaintId, command.staffId(), customerId, command.reason(), replyDueAt));
    }

    @CommandHandler
    void handle(CloseComplaint command) {
        requireNotClosed();
        if (anonymous ? !resolved : callback == null) {
            throw new RuleViolation("callback-required", "Complaint " + complaintId + " is closed only after "
                    + (anonymous ? "it was resolved" : "the customer was called back"));
        }
        apply(new ComplaintClosed(complaintId, command.staffId()));
    }

    @DeadlineHandler
    void on(LimitWarning deadline) {
        if (stillOpen(deadline.limit(), deadline.dueAt()) && !warned.contains(deadline.limit())) {
            apply(new ComplaintLimitApproaching(complaintId, deadline.limit(), deadline.dueAt()));
        }
    }

    @DeadlineHandler
    void on(LimitMissed deadline) {
        if (stillOpen(deadline.limit(), deadline.dueAt()) && !escalated.contains(deadline.limit())) {
            apply(new ComplaintEscalated(complaintId, deadline.limit(), deadline.dueAt()));
        }
    }

    private boolean stillOpen(ComplaintLimit limit, Instant dueAt) {
        return !closed && dueAt.equals(openLimits.get(limit));
    }

    private static Instant schedule(ServiceCalendar calendar, DeadlineManager deadlineManager, String hallId,
                                    ComplaintLimit limit, Instant from) {
        TimeLimit due = calendar.complaintLimit(hallId, limit, from);
        deadlineManager.schedule(due.warningAt(), warningName(limit), new LimitWarning(limit, due.dueAt()));
        deadlineManager.schedule(due.dueAt(), missedName(limit), new LimitMissed(limit, due.dueAt()));
        return due.dueAt();
    }

    private static void cancel(DeadlineManager deadlineManager, ComplaintLimit limit) {
        deadlineManager.cancelAllWithinScope(warningName(limit));
        deadlineManager.cancelAllWithinScope(missedName(limit));
    }

    static String warningName(ComplaintLimit limit) {
        return "complaint-" + kebab(limit) + "-warning";
    }

    static String missedName(ComplaintLimit limit) {
        return "complaint-" + kebab(limit) + "-missed";
    }

    private static String kebab(ComplaintLimit limit) {
        return limit.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void requireNotClosed() {
        if (closed) {
            throw new RuleViolation("complaint-closed", "Complaint " + complaintId + " is closed");
        }
    }

    private void requireNotResolved(String action) {
        if (resolved) {
            throw new RuleViolation("complaint-already-resolved", "Complaint " + complaintId
                    + " was already resolved and is not " + action + " again unless it is reopened");
        }
    }

    private void requireNotAnonymous(String action) {
        if (anonymous) {
            throw new RuleViolation("complainant-anonymous", "Complaint " + complaintId
                    + " is an anonymous report: nobody can be " + action);
        }
    }

    @EventSourcingHandler
    void on(ComplaintRegistered event) {
        complaintId = event.complaintId();
        hallId = event.hallId();
        customerId = event.customerId();
        anonymous = event.anonymous();
        if (event.firstContactDueAt() != null) {
            openLimits.put(ComplaintLimit.FIRST_CONTACT, event.firstContactDueAt());
        }
        openLimits.put(ComplaintLimit.REPLY, event.replyDueAt());
    }

    @EventSourcingHandler
    void on(ComplaintAcknowledged event) {
        acknowledged = true;
        openLimits.remove(ComplaintLimit.FIRST_CONTACT);
    }

    @EventSourcingHandler
    void on(ComplaintAssigned event) {
        assigned = true;
    }

    @EventSourcingHandler
    void on(ComplaintResolved event) {
        resolved = true;
        openLimits.remove(ComplaintLimit.REPLY);
        if (event.callbackDueAt() != null) {
            openLimits.put(ComplaintLimit.CALLBACK, event.callbackDueAt());
            warned.remove(ComplaintLimit.CALLBACK);
            escalated.remove(ComplaintLimit.CALLBACK);
        }
    }

    @EventSourcingHandler
    void on(CallbackRecorded event) {
        callback = event.satisfaction();
        openLimits.remove(ComplaintLimit.CALLBACK);
    }

    @EventSourcingHandler
    void on(ComplaintReopened event) {
        resolved = false;
        callback = null;
        openLimits.put(ComplaintLimit.REPLY, event.replyDueAt());
        warned.remove(ComplaintLimit.REPLY);
        escalated.remove(ComplaintLimit.REPLY);
    }

    @EventSourcingHandler
    void on(ComplaintLimitApproaching event) {
        warned.add(event.limit());
    }

    @EventSourcingHandler
    void on(ComplaintEscalated event) {
        escalated.add(event.limit());
    }

    @EventSourcingHandler
    void on(ComplaintClosed event) {
        closed = true;
    }
}
