package org.servicehall.query.figures;

import org.servicehall.api.BusinessType;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One consultation and its work orders as the figures follow them. */
@Document(ConsultationTrack.COLLECTION)
class ConsultationTrack extends Track {

    static final String COLLECTION = "figure_consultations";

    String hallId;
    /** the local date it was opened, ISO-8601 */
    String day;
    BusinessType topic;
    String staffId;
    boolean answered;
    List<WorkOrder> workOrders = new ArrayList<>();

    static class WorkOrder {
        String workOrderId;
        Instant dueAt;
        Instant completedAt;
    }

    void opened(String hallId, String day, BusinessType topic, String staffId) {
        this.hallId = hallId;
        this.day = day;
        this.topic = topic;
        this.staffId = staffId;
    }

    void answered() {
        answered = true;
    }

    void workOrderCreated(String workOrderId, Instant dueAt) {
        WorkOrder workOrder = new WorkOrder();
        workOrder.workOrderId = workOrderId;
        workOrder.dueAt = dueAt;
        workOrders.add(workOrder);
    }

    void workOrderCompleted(String workOrderId, Instant at) {
        workOrders.stream().filter(workOrder -> workOrder.workOrderId.equals(workOrderId)).findFirst()
                  .ifPresent(workOrder -> workOrder.completedAt = at);
    }

    FigureDay.Consultation figures() {
        return new FigureDay.Consultation(topic, staffId, answered && workOrders.isEmpty(), !workOrders.isEmpty());
    }

    FigureDay.WorkOrder figures(WorkOrder workOrder) {
        return new FigureDay.WorkOrder(topic, staffId, workOrder.dueAt, workOrder.completedAt);
    }
}
