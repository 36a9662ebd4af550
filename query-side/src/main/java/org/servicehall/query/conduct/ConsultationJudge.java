package org.servicehall.query.conduct;

import org.servicehall.api.consultation.ConsultationClosed;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.CustomerInformed;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.consultation.WorkOrderOverdue;
import org.servicehall.api.consultation.WorkOrderReminded;
import org.servicehall.platform.calendar.WorkingDayCalendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.servicehall.query.conduct.ConductRule.CUSTOMER_INFORMED;
import static org.servicehall.query.conduct.ConductRule.WORK_ORDER_CHASED_BEFORE_DUE;
import static org.servicehall.query.conduct.ConductRule.WORK_ORDER_CLOSED;

/**
 * Consultation and inquiry (docs/domain.md §3): work orders chased before they are due and closed by then, the customer
 * told the answer. Time limits are compared with when events were recorded, as the command side's deadlines count;
 * a work order that is never completed is judged by the {@code WorkOrderOverdue} its due-time deadline records.
 */
final class ConsultationJudge implements Judge {

    static final List<Class<?>> EVENTS = List.of(
            ConsultationOpened.class, WorkOrderCreated.class, WorkOrderReminded.class, WorkOrderCompleted.class,
            WorkOrderOverdue.class, CustomerInformed.class, ConsultationClosed.class);

    @Override
    public List<Verdict> judge(Subject consultation, AuditSettings settings, WorkingDayCalendar calendar) {
        List<Verdict> verdicts = new ArrayList<>();
        List<Subject.Seen<WorkOrderCreated>> workOrders = consultation.all(WorkOrderCreated.class);
        for (Subject.Seen<WorkOrderCreated> workOrder : workOrders) {
            decisive(consultation, workOrder.event().workOrderId()).ifPresent(decided -> {
                verdicts.add(closed(consultation, workOrder, decided));
                chased(consultation, workOrder, decided, settings).ifPresent(verdicts::add);
            });
        }
        if (!workOrders.isEmpty()) {
            informed(consultation, settings, calendar).ifPresent(verdicts::add);
        }
        return verdicts;
    }

    /** The work order's completion or its overdue record, whichever came first. */
    private static Optional<Fact> decisive(Subject consultation, String workOrderId) {
        return consultation.facts().stream()
                           .filter(fact -> isCompletion(fact) && Facts.read(fact, WorkOrderCompleted.class)
                                   .workOrderId().equals(workOrderId)
                                   || fact.type().equals(WorkOrderOverdue.class.getSimpleName())
                                   && Facts.read(fact, WorkOrderOverdue.class).workOrderId().equals(workOrderId))
                           .findFirst();
    }

    private static Verdict closed(Subject consultation, Subject.Seen<WorkOrderCreated> workOrder, Fact decided) {
        WorkOrderCreated created = workOrder.event();
        String responsible = workOrder.fact().staffId();
        if (isCompletion(decided) && !decided.recordedAt().isAfter(created.dueAt())) {
            return consultation.pass(WORK_ORDER_CLOSED, created.workOrderId(), decided, responsible);
        }
        String explanation = isCompletion(decided)
                ? "Work order " + created.workOrderId() + " to " + created.department() + " was completed at "
                  + decided.recordedAt() + ", after its due time " + created.dueAt()
                : "Work order " + created.workOrderId() + " to " + created.department()
                  + " passed its due time " + created.dueAt() + " still open";
        return consultation.finding(WORK_ORDER_CLOSED, created.workOrderId(), decided, responsible, explanation,
                                    List.of(workOrder.fact(), decided));
    }

    /**
     * Judged on work orders still open {@code lead} before their due time (one completed earlier needed no chasing):
     * a staff member must have chased the department by then.
     */
    private static Optional<Verdict> chased(Subject consultation, Subject.Seen<WorkOrderCreated> workOrder,
                                            Fact decided, AuditSettings settings) {
        WorkOrderCreated created = workOrder.event();
        Instant chaseBy = created.dueAt().minus(settings.chaseLead());
        if (isCompletion(decided) && !decided.recordedAt().isAfter(chaseBy)) {
            return Optional.empty();
        }
        List<Subject.Seen<WorkOrderReminded>> reminders = consultation.all(WorkOrderReminded.class).stream()
                .filter(reminder -> reminder.event().workOrderId().equals(created.workOrderId()))
                .filter(reminder -> reminder.sequence() < decided.sequence())
                .filter(reminder -> reminder.event().staffId() != null)
                .toList();
        String responsible = workOrder.fact().staffId();
        if (reminders.stream().anyMatch(reminder -> !reminder.fact().recordedAt().isAfter(chaseBy))) {
            return Optional.of(consultation.pass(WORK_ORDER_CHASED_BEFORE_DUE, created.workOrderId(), decided,
                                                 responsible));
        }
        List<Fact> evidence = new ArrayList<>(List.of(workOrder.fact(), decided));
        reminders.forEach(reminder -> evidence.add(reminder.fact()));
        return Optional.of(consultation.finding(
                WORK_ORDER_CHASED_BEFORE_DUE, created.workOrderId(), decided, responsible,
                "Work order " + created.workOrderId() + " to " + created.department() + " was not chased by "
                + chaseBy + " (" + settings.chaseLead() + " before its due time " + created.dueAt() + ")"
                + (reminders.isEmpty() ? "" : "; it was chased only later"), evidence));
    }

    private static Optional<Verdict> informed(Subject consultation, AuditSettings settings,
                                              WorkingDayCalendar calendar) {
        Optional<Fact> decisive = consultation.firstAfter(-1, CustomerInformed.class, ConsultationClosed.class);
        if (decisive.isEmpty()) {
            return Optional.empty();
        }
        Fact decided = decisive.get();
        Optional<Fact> lastCompletion = consultation.facts().stream()
                                                    .filter(fact -> fact.sequence() < decided.sequence())
                                                    .filter(ConsultationJudge::isCompletion)
                                                    .max(Comparator.comparing(Fact::recordedAt));
        if (lastCompletion.isEmpty()) {
            return Optional.empty();
        }
        Fact completion = lastCompletion.get();
        if (decided.type().equals(ConsultationClosed.class.getSimpleName())) {
            return Optional.of(consultation.finding(CUSTOMER_INFORMED, "consultation", decided, decided.staffId(),
                                                    "The consultation was closed without telling the customer "
                                                    + "the departments' answer", List.of(completion, decided)));
        }
        Instant due = calendar.endOfWorkingDays(completion.recordedAt(), settings.informWorkingDays());
        if (!decided.recordedAt().isAfter(due)) {
            return Optional.of(consultation.pass(CUSTOMER_INFORMED, "consultation", decided, decided.staffId()));
        }
        return Optional.of(consultation.finding(
                CUSTOMER_INFORMED, "consultation", decided, decided.staffId(),
                "The customer was told the answer at " + decided.recordedAt() + ", after " + due + " ("
                + settings.informWorkingDays() + " working day(s) after the last work order was completed)",
                List.of(completion, decided)));
    }

    private static boolean isCompletion(Fact fact) {
        return fact.type().equals(WorkOrderCompleted.class.getSimpleName());
    }
}
