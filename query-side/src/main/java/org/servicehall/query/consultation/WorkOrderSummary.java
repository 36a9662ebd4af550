package org.servicehall.query.consultation;

import org.servicehall.api.consultation.WorkOrderStatus;

import java.time.Instant;
import java.util.Comparator;

/**
 * A work order as the board shows it when read.
 *
 * @param overdue open past its due time, or completed late
 */
record WorkOrderSummary(String workOrderId,
                        String consultationId,
                        String hallId,
                        String department,
                        WorkOrderStatus status,
                        Instant createdAt,
                        String createdBy,
                        Instant dueAt,
                        boolean overdue,
                        int reminderCount,
                        Instant lastRemindedAt,
                        Instant dueSoonAt,
                        Instant overdueAt,
                        Instant completedAt,
                        String completedBy) {

    /** Nearest due first; orders without a due time last. */
    static final Comparator<WorkOrderSummary> DUE_FIRST = Comparator
            .comparing((WorkOrderSummary order) -> order.dueAt() == null ? Instant.MAX : order.dueAt())
            .thenComparing(WorkOrderSummary::createdAt)
            .thenComparing(WorkOrderSummary::workOrderId);

    static WorkOrderSummary of(WorkOrderView view, Instant now) {
        return new WorkOrderSummary(view.id(), view.consultationId(), view.hallId(), view.department(), view.status(),
                                    view.createdAt(), view.createdBy(), view.dueAt(), view.overdue(now),
                                    view.reminderCount(), view.lastRemindedAt(), view.dueSoonAt(), view.overdueAt(),
                                    view.completedAt(), view.completedBy());
    }
}
