package org.servicehall.query.consultation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.consultation.FindWorkOrder;
import org.servicehall.api.consultation.ListWorkOrders;
import org.servicehall.api.consultation.WorkOrderStatus;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.ReadYourWrites;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

@RestController
@ReadYourWrites(WorkOrderProjection.PROCESSING_GROUP)
@RequestMapping(path = "/api/work-orders", produces = "application/json")
class WorkOrderController {

    private final QueryGateway queries;
    private final HallTime time;

    WorkOrderController(QueryGateway queries, HallTime time) {
        this.queries = queries;
        this.time = time;
    }

    @GetMapping("/{id}")
    WorkOrderSummary workOrder(@PathVariable String id) {
        return queries.query(new FindWorkOrder(id), ResponseTypes.optionalInstanceOf(WorkOrderSummary.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Work order", id));
    }

    /** Open orders by default, nearest due first. */
    @GetMapping
    Page<WorkOrderSummary> workOrders(@RequestParam(defaultValue = "OPEN") WorkOrderStatus status,
                                      @RequestParam(required = false) String department,
                                      @RequestParam(name = "hall", required = false) String hallId,
                                      @RequestParam(required = false) Boolean overdue,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DATE) LocalDate to,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
                                      int size) {
        time.checkArchiveRange(status == WorkOrderStatus.COMPLETED, hallId, from, to, "COMPLETED");
        return queries.query(new ListWorkOrders(status, department, hallId, overdue, from, to, page, size),
                             Page.ofItems(WorkOrderSummary.class))
                      .join();
    }
}
