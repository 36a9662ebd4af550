package org.servicehall.query.consultation;

import org.servicehall.api.consultation.WorkOrderStatus;
import org.servicehall.query.support.ViewCollections;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.Map;

/**
 * A work order as the hall chases it (催办), without its description (personal data until the vault lands).
 *
 * @param reminderCount     how often the department was chased, by staff or by the hall's reminder deadline
 * @param dueSoonAt         when the command side warned that it is close to its due time
 * @param overdueAt         when the command side recorded it as overdue
 */
record WorkOrderView(@Id String id,
                     long sequence,
                     String consultationId,
                     String hallId,
                     String department,
                     WorkOrderStatus status,
                     Instant createdAt,
                     String createdBy,
                     Instant dueAt,
                     int reminderCount,
                     Instant lastRemindedAt,
                     Instant dueSoonAt,
                     Instant overdueAt,
                     Instant completedAt,
                     String completedBy) implements ViewCollections.ViewDocument<WorkOrderView> {

    static WorkOrderView created(String workOrderId, String consultationId, String hallId, String department,
                                 Instant at, String staffId, Instant dueAt) {
        return new WorkOrderView(workOrderId, -1, consultationId, hallId, department, WorkOrderStatus.OPEN, at,
                                 staffId, dueAt, 0, null, null, null, null, null);
    }

    WorkOrderView reminded(Instant at) {
        return new WorkOrderView(id, sequence, consultationId, hallId, department, status, createdAt, createdBy, dueAt,
                                 reminderCount + 1, at, dueSoonAt, overdueAt, completedAt, completedBy);
    }

    WorkOrderView warnedDueSoon(Instant at) {
        return new WorkOrderView(id, sequence, consultationId, hallId, department, status, createdAt, createdBy, dueAt,
                                 reminderCount, lastRemindedAt, at, overdueAt, completedAt, completedBy);
    }

    WorkOrderView recordedOverdue(Instant at) {
        return new WorkOrderView(id, sequence, consultationId, hallId, department, status, createdAt, createdBy, dueAt,
                                 reminderCount, lastRemindedAt, dueSoonAt, at, completedAt, completedBy);
    }

    WorkOrderView completed(Instant at, String staffId) {
        return new WorkOrderView(id, sequence, consultationId, hallId, department, WorkOrderStatus.COMPLETED,
                                 createdAt, createdBy, dueAt, reminderCount, lastRemindedAt, dueSoonAt, overdueAt, at,
                                 staffId);
    }

    /** Open past its due time (or recorded overdue by the command side), or completed late. */
    boolean overdue(Instant now) {
        if (completedAt != null) {
            return dueAt != null && completedAt.isAfter(dueAt);
        }
        return overdueAt != null || dueAt != null && now.isAfter(dueAt);
    }

    @Override
    public WorkOrderView withSequence(long sequence) {
        return new WorkOrderView(id, sequence, consultationId, hallId, department, status, createdAt, createdBy, dueAt,
                                 reminderCount, lastRemindedAt, dueSoonAt, overdueAt, completedAt, completedBy);
    }

    @Override
    public Instant closedAt() {
        return completedAt;
    }

    @Override
    public Map<String, String> archiveTags() {
        return ViewCollections.tags("hallId", hallId, "department", department, "overdue",
                                    completedAt == null ? null : overdue(completedAt));
    }
}
