package org.servicehall.query.consultation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.FindWorkOrder;
import org.servicehall.api.consultation.ListWorkOrders;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.consultation.WorkOrderDueSoon;
import org.servicehall.api.consultation.WorkOrderOverdue;
import org.servicehall.api.consultation.WorkOrderReminded;
import org.servicehall.api.consultation.WorkOrderStatus;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.ViewCollections;
import org.servicehall.query.support.ViewDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.servicehall.platform.axon.EventTimes.happenedAt;

/**
 * Builds the work orders the hall chases ({@link WorkOrderView}) and answers the board: open orders nearest due first,
 * with how often they were chased. Whether an order is overdue is decided when the board is read.
 */
@Component
@ProcessingGroup(WorkOrderProjection.PROCESSING_GROUP)
class WorkOrderProjection {

    static final String PROCESSING_GROUP = "work-orders";
    static final String COLLECTION = "work_orders";
    /** The hall of each consultation: its work orders' events do not name it. */
    static final String CONSULTATION_HALLS = "work_order_consultation_halls";

    /** Which hall a consultation belongs to. */
    record ConsultationHall(@Id String consultationId, String hallId) {
    }

    private final MongoTemplate mongo;
    private final ViewCollections<WorkOrderView> workOrders;
    private final HallTime time;

    /** The view's collections, so that it can be rebuilt while it answers. */
    @Bean
    static ViewDefinition workOrdersView() {
        return new ViewDefinition(PROCESSING_GROUP, Stream.concat(ViewCollections.collections(COLLECTION).stream(),
                                                                 Stream.of(CONSULTATION_HALLS)).toList());
    }

    WorkOrderProjection(MongoTemplate mongo, HallTime time) {
        this.mongo = mongo;
        this.workOrders = new ViewCollections<>(mongo, WorkOrderView.class, COLLECTION, time,
                                                List.of("department", "hallId"));
        this.time = time;
        workOrders.ensureIndexes();
    }

    @EventHandler
    void on(ConsultationOpened event) {
        mongo.save(new ConsultationHall(event.consultationId(), event.hallId()), CONSULTATION_HALLS);
    }

    @EventHandler
    void on(WorkOrderCreated event, DomainEventMessage<?> message) {
        ConsultationHall consultation = mongo.findById(event.consultationId(), ConsultationHall.class,
                                                       CONSULTATION_HALLS);
        workOrders.create(message, WorkOrderView.created(event.workOrderId(), event.consultationId(),
                                                         consultation == null ? null : consultation.hallId(),
                                                         event.department(), happenedAt(message), event.staffId(),
                                                         event.dueAt()));
    }

    @EventHandler
    void on(WorkOrderReminded event, DomainEventMessage<?> message) {
        workOrders.update(event.workOrderId(), message, order -> order.reminded(happenedAt(message)));
    }

    @EventHandler
    void on(WorkOrderDueSoon event, DomainEventMessage<?> message) {
        workOrders.update(event.workOrderId(), message, order -> order.warnedDueSoon(happenedAt(message)));
    }

    @EventHandler
    void on(WorkOrderOverdue event, DomainEventMessage<?> message) {
        workOrders.update(event.workOrderId(), message, order -> order.recordedOverdue(happenedAt(message)));
    }

    @EventHandler
    void on(WorkOrderCompleted event, DomainEventMessage<?> message) {
        workOrders.update(event.workOrderId(), message,
                          order -> order.completed(happenedAt(message), event.staffId()));
    }

    @QueryHandler
    Optional<WorkOrderSummary> handle(FindWorkOrder query) {
        return Optional.ofNullable(workOrders.find(query.workOrderId()))
                       .map(view -> WorkOrderSummary.of(view, time.now()));
    }

    @QueryHandler
    Page<WorkOrderSummary> handle(ListWorkOrders query) {
        Instant now = time.now();
        if (query.status() == WorkOrderStatus.COMPLETED) {
            return workOrders.closed(time.archiveRange(query.hallId(), query.from(), query.to()),
                                     ViewCollections.tags("hallId", query.hallId(), "department", query.department(),
                                                          "overdue", query.overdue()),
                                     query.page(), query.size())
                             .map(view -> WorkOrderSummary.of(view, now));
        }
        Map<String, Object> equalTo = new HashMap<>();
        equalTo.put("department", query.department());
        equalTo.put("hallId", query.hallId());
        return Page.of(workOrders.open(equalTo).stream()
                                 .map(view -> WorkOrderSummary.of(view, now))
                                 .filter(order -> query.overdue() == null || order.overdue() == query.overdue())
                                 .sorted(WorkOrderSummary.DUE_FIRST)
                                 .toList(),
                       query.page(), query.size());
    }

    @ResetHandler
    void reset() {
        workOrders.reset();
        if (mongo.collectionExists(CONSULTATION_HALLS)) {
            mongo.dropCollection(CONSULTATION_HALLS);
        }
    }
}
