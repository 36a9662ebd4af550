package org.servicehall.command.consultation;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderReminded;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A work order (工单) of a consultation: routed to a department, chased (催办) until the department replies. */
class WorkOrder {

    @EntityId
    private final String workOrderId;
    private final String department;
    private boolean completed;

    WorkOrder(String workOrderId, String department) {
        this.workOrderId = workOrderId;
        this.department = department;
    }

    boolean isOpen() {
        return !completed;
    }

    /** Chasing is repeated as often as the hall needs, so only a completed work order refuses it. */
    void remind(String consultationId, String staffId) {
        requireOpen();
        apply(new WorkOrderReminded(consultationId, workOrderId, staffId));
    }

    void complete(String consultationId, String staffId, String customerId, String reply) {
        requireOpen();
        apply(new WorkOrderCompleted(consultationId, workOrderId, staffId, department, customerId, reply));
    }

    private void requireOpen() {
        if (completed) {
            throw new RuleViolation("work-order-completed", "Work order " + workOrderId
                    + " was already completed by " + department);
        }
    }

    @EventSourcingHandler
    void on(WorkOrderCompleted event) {
        completed = true;
    }

    /**
     * Equal in state, so that a consultation rebuilt from its events equals the one that applied them, which the
     * aggregate fixture checks to catch state changed outside event sourcing handlers.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof WorkOrder that && workOrderId.equals(that.workOrderId)
                && Objects.equals(department, that.department) && completed == that.completed;
    }

    @Override
    public int hashCode() {
        return workOrderId.hashCode();
    }
}
