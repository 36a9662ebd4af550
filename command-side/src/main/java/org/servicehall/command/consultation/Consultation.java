package org.servicehall.command.consultation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicehall.api.Channel;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.consultation.AnswerInquiry;
import org.servicehall.api.consultation.CloseConsultation;
import org.servicehall.api.consultation.CompleteWorkOrder;
import org.servicehall.api.consultation.ConsultationClosed;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.CreateWorkOrder;
import org.servicehall.api.consultation.CustomerInformed;
import org.servicehall.api.consultation.InformCustomer;
import org.servicehall.api.consultation.InquiryAnswered;
import org.servicehall.api.consultation.OpenConsultation;
import org.servicehall.api.consultation.RemindWorkOrder;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.consultation.WorkOrderDueSoon;
import org.servicehall.api.consultation.WorkOrderOverdue;
import org.servicehall.platform.web.NotFound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's question (咨询查询), asked in person during a visit or by phone, until it is settled.
 * <p>
 * A question is settled one of two ways, never both: answered on the spot, or turned into work orders that the
 * departments complete, after which the hall tells the customer the answer. Keeping the two apart is what lets the
 * figures count "answered on the spot" against "turned into work orders". Only a settled consultation closes, and a
 * closed one accepts nothing more.
 */
@Aggregate
class Consultation {

    @AggregateIdentifier
    private String consultationId;
    private String customerId;
    private boolean answered;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, WorkOrder> workOrders = new LinkedHashMap<>();
    private boolean customerInformed;
    private boolean closed;

    Consultation() {
        // for Axon to rebuild the consultation from its events
    }

    /**
     * A question asked in person belongs to a visit still in progress, which {@link ConsultationOpening} asks the
     * visit about in the same unit of work.
     */
    Consultation(OpenConsultation command) {
        if (command.channel() != Channel.IN_PERSON && command.channel() != Channel.PHONE) {
            throw new RuleViolation("consultation-channel", "A consultation is asked in person or by phone, not "
                    + command.channel());
        }
        if (command.channel() == Channel.IN_PERSON && command.visitId() == null) {
            throw new RuleViolation("visit-required", "A question asked in person belongs to a visit: give its visitId");
        }
        if (command.channel() == Channel.PHONE && command.visitId() != null) {
            throw new RuleViolation("visit-not-applicable", "A question asked by phone belongs to no visit");
        }
        apply(new ConsultationOpened(command.consultationId(), command.visitId(), command.hallId(),
                                     command.staffId(), command.channel(), command.topic(), command.customerId(),
                                     command.callerName(), command.callerPhone(), command.question()));
    }

    @CommandHandler
    void handle(AnswerInquiry command) {
        requireOpen();
        if (!workOrders.isEmpty()) {
            throw new RuleViolation("has-work-orders", "Consultation " + consultationId
                    + " was turned into work orders; its answer comes from the departments");
        }
        requireNotAnswered();
        apply(new InquiryAnswered(consultationId, command.staffId(), customerId, command.answer()));
    }

    @CommandHandler
    void handle(CreateWorkOrder command, DeadlineManager deadlines, WorkOrderDeadlines deadlinesOfWorkOrders) {
        requireOpen();
        requireNotAnswered();
        if (customerInformed) {
            throw new RuleViolation("customer-already-informed", "The customer of consultation " + consultationId
                    + " was already told the answer; a new question is a new consultation");
        }
        if (workOrders.containsKey(command.workOrderId())) {
            throw new RuleViolation("work-order-exists", "Consultation " + consultationId + " already has work order "
                    + command.workOrderId());
        }
        apply(new WorkOrderCreated(consultationId, command.workOrderId(), command.staffId(), command.department(),
                                   command.dueAt(), customerId, command.description()));
        deadlinesOfWorkOrders.schedule(deadlines, consultationId, command.workOrderId(), command.dueAt());
    }

    @CommandHandler
    void handle(RemindWorkOrder command) {
        requireOpen();
        workOrder(command.workOrderId()).remind(consultationId, command.staffId());
    }

    @CommandHandler
    void handle(CompleteWorkOrder command, DeadlineManager deadlines, WorkOrderDeadlines deadlinesOfWorkOrders) {
        requireOpen();
        workOrder(command.workOrderId()).complete(consultationId, command.staffId(), customerId, command.reply());
        deadlinesOfWorkOrders.cancel(deadlines, command.workOrderId());
    }

    @CommandHandler
    void handle(InformCustomer command) {
        requireOpen();
        if (workOrders.isEmpty()) {
            throw new RuleViolation("no-work-orders", "Consultation " + consultationId
                    + " has no work order whose answer the customer could be told");
        }
        requireWorkOrdersCompleted();
        if (customerInformed) {
            throw new RuleViolation("customer-already-informed", "The customer of consultation " + consultationId
                    + " was already told the answer");
        }
        apply(new CustomerInformed(consultationId, command.staffId(), command.method()));
    }

    @CommandHandler
    void handle(CloseConsultation command) {
        requireOpen();
        if (!answered) {
            if (workOrders.isEmpty()) {
                throw new RuleViolation("consultation-unanswered", "Consultation " + consultationId
                        + " was neither answered on the spot nor turned into a work order");
            }
            requireWorkOrdersCompleted();
            if (!customerInformed) {
                throw new RuleViolation("customer-not-informed", "The customer of consultation " + consultationId
                        + " has not been told the departments' answer yet");
            }
        }
        apply(new ConsultationClosed(consultationId, command.staffId()));
    }

    @DeadlineHandler
    void on(WorkOrderDueSoon dueSoon) {
        recordIfStillOpen(dueSoon.workOrderId(), dueSoon);
    }

    @DeadlineHandler
    void on(WorkOrderOverdue overdue) {
        recordIfStillOpen(overdue.workOrderId(), overdue);
    }

    /** Completion cancels the deadlines, but one may already be firing on another instance. */
    private void recordIfStillOpen(String workOrderId, Object fact) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        if (workOrder != null && workOrder.isOpen()) {
            apply(fact);
        }
    }

    private WorkOrder workOrder(String workOrderId) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        if (workOrder == null) {
            throw new NotFound("Work order", workOrderId + " of consultation " + consultationId);
        }
        return workOrder;
    }

    private void requireOpen() {
        if (closed) {
            throw new RuleViolation("consultation-closed", "Consultation " + consultationId
                    + " is closed and accepts nothing more");
        }
    }

    private void requireNotAnswered() {
        if (answered) {
            throw new RuleViolation("already-answered", "Consultation " + consultationId
                    + " was already answered on the spot");
        }
    }

    private void requireWorkOrdersCompleted() {
        List<String> open = workOrders.entrySet().stream().filter(entry -> entry.getValue().isOpen())
                                      .map(Map.Entry::getKey).toList();
        if (!open.isEmpty()) {
            throw new RuleViolation("work-orders-open", "Consultation " + consultationId
                    + " still waits for the departments on work orders " + open);
        }
    }

    @EventSourcingHandler
    void on(ConsultationOpened event) {
        consultationId = event.consultationId();
        customerId = event.customerId();
    }

    @EventSourcingHandler
    void on(InquiryAnswered event) {
        answered = true;
    }

    @EventSourcingHandler
    void on(WorkOrderCreated event) {
        workOrders.put(event.workOrderId(), new WorkOrder(event.workOrderId(), event.department()));
    }

    @EventSourcingHandler
    void on(CustomerInformed event) {
        customerInformed = true;
    }

    @EventSourcingHandler
    void on(ConsultationClosed event) {
        closed = true;
    }
}
