package org.servicehall.query.consultation;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.consultation.FindWorkOrder;
import org.servicehall.api.consultation.ListWorkOrders;
import org.servicehall.api.consultation.WorkOrderStatus;
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.CheckedTogether;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.ReadYourWrites;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

@RestController
@ReadYourWrites(WorkOrderProjection.PROCESSING_GROUP)
@RequestMapping(path = "/api/work-orders", produces = "application/json")
class WorkOrderController {

    private final QueryGateway queries;

    WorkOrderController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    WorkOrderSummary workOrder(@PathVariable UUID id) {
        return queries.query(new FindWorkOrder(id.toString()), ResponseTypes.optionalInstanceOf(WorkOrderSummary.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Work order", id.toString()));
    }

    /** The list's parameters; without any, open orders, nearest due first. */
    record ListParameters(
            @Parameter(description = "default: OPEN") WorkOrderStatus status,
            @Parameter(description = "the department an order is with", example = "metering") String department,
            @Parameter(description = "a hall's id", example = "dalian-01") @HallId String hall,
            @Parameter(description = "true: only overdue orders; false: only orders not overdue") Boolean overdue,
            @Parameter(description = "first day of the archive (with status COMPLETED), the hall's local date; "
                    + "default: 29 days before 'to'", example = "2026-11-01") @DateTimeFormat(iso = DATE)
            LocalDate from,
            @Parameter(description = "last day of the archive (with status COMPLETED), inclusive, at most "
                    + HallTime.MAX_ARCHIVE_DAYS + " days after 'from'; default: today", example = "2026-11-30")
            @DateTimeFormat(iso = DATE) LocalDate to,
            @Parameter(description = "0-based, default 0") @Min(0) Integer page,
            @Parameter(description = "1 to " + Page.MAX_SIZE + ", default " + Page.DEFAULT_SIZE) @Min(1)
            @Max(Page.MAX_SIZE) Integer size) implements CheckedTogether {

        ListParameters {
            status = status != null ? status : WorkOrderStatus.OPEN;
            page = page != null ? page : 0;
            size = size != null ? size : Page.DEFAULT_SIZE;
        }

        @Override
        public List<InvalidField> invalidTogether(HallTime time) {
            return time.invalidArchiveRange(status == WorkOrderStatus.COMPLETED, hall, from, to, "COMPLETED");
        }
    }

    @GetMapping
    Page<WorkOrderSummary> workOrders(@ParameterObject ListParameters parameters) {
        return queries.query(new ListWorkOrders(parameters.status(), parameters.department(), parameters.hall(),
                                                parameters.overdue(), parameters.from(), parameters.to(),
                                                parameters.page(), parameters.size()),
                             Page.ofItems(WorkOrderSummary.class))
                      .join();
    }
}
