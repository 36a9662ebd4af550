package org.servicehall.query.conduct;

import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintAssigned;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintEscalated;
import org.servicehall.api.complaint.ComplaintLimit;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintReopened;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.platform.calendar.WorkingDayCalendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.servicehall.query.conduct.ConductRule.COMPLAINT_CALLBACK;
import static org.servicehall.query.conduct.ConductRule.COMPLAINT_FIRST_CONTACT;
import static org.servicehall.query.conduct.ConductRule.COMPLAINT_REPLY;

/**
 * Complaints and reports (docs/domain.md §6): first contact, reply and callback within their limits. The limits are the
 * due times the command side recorded on the events (from the hall's calendar when the complaint was registered,
 * reopened or resolved), compared with when the meeting event was recorded, as the command side counts them. A limit
 * never met is judged by the {@code ComplaintEscalated} its deadline records: a fact in the history, so a rebuild
 * gives the same verdict, where judging against the clock at read time would not.
 */
final class ComplaintJudge implements Judge {

    static final List<Class<?>> EVENTS = List.of(
            ComplaintRegistered.class, ComplaintAcknowledged.class, ComplaintAssigned.class, ComplaintResolved.class,
            CallbackRecorded.class, ComplaintReopened.class, ComplaintEscalated.class, ComplaintClosed.class);

    @Override
    public List<Verdict> judge(Subject complaint, AuditSettings settings, WorkingDayCalendar calendar) {
        List<Subject.Seen<ComplaintRegistered>> registrations = complaint.all(ComplaintRegistered.class);
        if (registrations.isEmpty()) {
            return List.of();
        }
        Subject.Seen<ComplaintRegistered> registered = registrations.get(0);
        List<Verdict> verdicts = new ArrayList<>();
        firstContact(complaint, registered).ifPresent(verdicts::add);
        List<Round> replies = new ArrayList<>();
        replies.add(new Round(registered.fact(), registered.event().replyDueAt()));
        complaint.all(ComplaintReopened.class)
                 .forEach(reopened -> replies.add(new Round(reopened.fact(), reopened.event().replyDueAt())));
        for (int i = 0; i < replies.size(); i++) {
            reply(complaint, registered, replies.get(i), i).ifPresent(verdicts::add);
        }
        for (Subject.Seen<ComplaintResolved> resolved : complaint.all(ComplaintResolved.class)) {
            if (resolved.event().callbackDueAt() != null) {
                callback(complaint, resolved).ifPresent(verdicts::add);
            }
        }
        return verdicts;
    }

    /** An anonymous report has no first-contact limit: nobody can be contacted. */
    private static Optional<Verdict> firstContact(Subject complaint, Subject.Seen<ComplaintRegistered> registered) {
        Instant due = registered.event().firstContactDueAt();
        if (due == null) {
            return Optional.empty();
        }
        return decisive(complaint, registered.sequence(), ComplaintLimit.FIRST_CONTACT, ComplaintAcknowledged.class)
                .map(decided -> judged(complaint, COMPLAINT_FIRST_CONTACT, "first-contact", registered.fact(),
                                       decided, ComplaintAcknowledged.class, due,
                                       isType(decided, ComplaintAcknowledged.class) ? decided.staffId()
                                               : registered.fact().staffId(),
                                       "First contact with the complainant"));
    }

    private static Optional<Verdict> reply(Subject complaint, Subject.Seen<ComplaintRegistered> registered,
                                           Round round, int index) {
        return decisive(complaint, round.start().sequence(), ComplaintLimit.REPLY, ComplaintResolved.class)
                .map(decided -> judged(complaint, COMPLAINT_REPLY, "reply-" + index, round.start(), decided,
                                       ComplaintResolved.class, round.dueAt(),
                                       handler(complaint, decided).orElse(
                                               isType(decided, ComplaintResolved.class) ? decided.staffId()
                                                       : registered.fact().staffId()),
                                       "The reply with the handling opinion"));
    }

    private static Optional<Verdict> callback(Subject complaint, Subject.Seen<ComplaintResolved> resolved) {
        return decisive(complaint, resolved.sequence(), ComplaintLimit.CALLBACK, CallbackRecorded.class,
                        ComplaintClosed.class, ComplaintReopened.class)
                .map(decided -> judged(complaint, COMPLAINT_CALLBACK, "callback-" + resolved.sequence(),
                                       resolved.fact(), decided, CallbackRecorded.class,
                                       resolved.event().callbackDueAt(),
                                       isType(decided, CallbackRecorded.class) ? decided.staffId()
                                               : resolved.fact().staffId(),
                                       "The callback to the customer"));
    }

    /**
     * The first event after {@code from} that settles a limit: the event meeting it, the limit's escalation, or one
     * of {@code ending} (which ends it unmet).
     */
    private static Optional<Fact> decisive(Subject complaint, long from, ComplaintLimit limit, Class<?> meeting,
                                           Class<?>... ending) {
        return complaint.facts().stream()
                        .filter(fact -> fact.sequence() > from)
                        .filter(fact -> isType(fact, meeting)
                                || Arrays.stream(ending).anyMatch(type -> isType(fact, type))
                                || isType(fact, ComplaintEscalated.class)
                                   && Facts.read(fact, ComplaintEscalated.class).limit() == limit)
                        .findFirst();
    }

    private static Verdict judged(Subject complaint, ConductRule rule, String occurrence, Fact start, Fact decided,
                                  Class<?> meeting, Instant due, String responsible, String what) {
        boolean meets = isType(decided, meeting);
        if (meets && !decided.recordedAt().isAfter(due)) {
            return complaint.pass(rule, occurrence, decided, responsible);
        }
        String explanation;
        if (meets) {
            explanation = what + " came late: at " + decided.recordedAt() + ", after the limit " + due;
        } else if (isType(decided, ComplaintEscalated.class)) {
            explanation = what + " missed the limit " + due + " and the complaint was escalated";
        } else {
            explanation = what + " never came: the complaint was "
                          + (isType(decided, ComplaintClosed.class) ? "closed" : "reopened") + " first";
        }
        return complaint.finding(rule, occurrence, decided, responsible, explanation, List.of(start, decided));
    }

    /** The handler the complaint was last assigned to before {@code decided}. */
    private static Optional<String> handler(Subject complaint, Fact decided) {
        return complaint.all(ComplaintAssigned.class).stream()
                        .filter(assigned -> assigned.sequence() < decided.sequence())
                        .reduce((first, second) -> second)
                        .map(assigned -> assigned.event().handlerId());
    }

    private static boolean isType(Fact fact, Class<?> type) {
        return fact.type().equals(type.getSimpleName());
    }

    private record Round(Fact start, Instant dueAt) {
    }
}
