package org.servicehall.query.conduct;

import org.servicehall.api.application.ApplicationCompleted;
import org.servicehall.api.application.ApplicationRejected;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.application.ApplicationWithdrawn;
import org.servicehall.api.application.MissingDocumentsNotified;
import org.servicehall.platform.calendar.WorkingDayCalendar;

import java.util.List;
import java.util.Optional;

import static org.servicehall.query.conduct.ConductRule.MISSING_DOCUMENTS_NOTIFIED_ONCE;

/** Business applications (docs/domain.md §4): missing documents told once, all of them (一次性告知). */
final class ApplicationJudge implements Judge {

    static final List<Class<?>> EVENTS = List.of(
            ApplicationSubmitted.class, MissingDocumentsNotified.class, ApplicationCompleted.class,
            ApplicationWithdrawn.class, ApplicationRejected.class);
    private static final String APPLICATION = "application";

    @Override
    public List<Verdict> judge(Subject application, AuditSettings settings, WorkingDayCalendar calendar) {
        List<Subject.Seen<MissingDocumentsNotified>> notices = application.all(MissingDocumentsNotified.class);
        if (notices.isEmpty()) {
            return List.of();
        }
        Optional<Fact> end = application.firstAfter(-1, ApplicationCompleted.class, ApplicationWithdrawn.class,
                                                    ApplicationRejected.class);
        Subject.Seen<MissingDocumentsNotified> first = notices.get(0);
        if (notices.size() > 1 && (end.isEmpty() || notices.get(1).sequence() < end.get().sequence())) {
            Subject.Seen<MissingDocumentsNotified> second = notices.get(1);
            return List.of(application.finding(
                    MISSING_DOCUMENTS_NOTIFIED_ONCE, APPLICATION, second.fact(), second.fact().staffId(),
                    "A second list of missing documents " + second.event().documents()
                    + " was told to the customer after the first " + first.event().documents(),
                    List.of(first.fact(), second.fact())));
        }
        return end.map(ended -> List.of(application.pass(MISSING_DOCUMENTS_NOTIFIED_ONCE, APPLICATION, ended,
                                                         first.fact().staffId())))
                  .orElse(List.of());
    }
}
