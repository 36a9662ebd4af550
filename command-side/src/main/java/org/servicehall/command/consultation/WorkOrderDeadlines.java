package org.servicehall.command.consultation;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.servicehall.api.consultation.WorkOrderDueSoon;
import org.servicehall.api.consultation.WorkOrderOverdue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * The two deadlines of an open work order: a warning {@code hall.work-orders.reminder-before} ahead of its due time
 * (default 4 hours, half a working day: enough for the hall to chase the department and for the department to
 * answer before the due time, short enough not to fire at once for the usual next-working-day work order), and
 * the due time itself.
 * <p>
 * Each deadline is named after its work order so that completing one work order cancels its own deadlines and
 * leaves those of the consultation's other work orders alone; the handlers match on the payload, which is the very
 * fact the deadline records when it fires.
 */
@Component
class WorkOrderDeadlines {

    private static final String DUE_SOON = "work-order-due-soon:";
    private static final String OVERDUE = "work-order-overdue:";

    private final Duration reminderBefore;

    WorkOrderDeadlines(@Value("${hall.work-orders.reminder-before:4h}") Duration reminderBefore) {
        if (reminderBefore.isNegative() || reminderBefore.isZero()) {
            throw new IllegalArgumentException("hall.work-orders.reminder-before must be positive, not "
                                                       + reminderBefore);
        }
        this.reminderBefore = reminderBefore;
    }

    /**
     * Called from a command handler of the consultation, whose scope the deadlines then belong to. A work order
     * created already inside its warning window gets no warning: whoever set its due time knows it is close.
     */
    void schedule(DeadlineManager deadlines, String consultationId, String workOrderId, Instant dueAt) {
        Instant warnAt = dueAt.minus(reminderBefore);
        if (warnAt.isAfter(GenericEventMessage.clock.instant())) {
            deadlines.schedule(warnAt, DUE_SOON + workOrderId, new WorkOrderDueSoon(consultationId, workOrderId, dueAt));
        }
        deadlines.schedule(dueAt, OVERDUE + workOrderId, new WorkOrderOverdue(consultationId, workOrderId, dueAt));
    }

    void cancel(DeadlineManager deadlines, String workOrderId) {
        deadlines.cancelAll(DUE_SOON + workOrderId);
        deadlines.cancelAll(OVERDUE + workOrderId);
    }
}
