package org.servicehall.query.visit;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.ReadYourWrites;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping(path = "/api/visits", produces = MediaType.APPLICATION_JSON_VALUE)
class VisitSearchController {

    private final QueryGateway queries;
    private final ServiceCalendar calendar;

    VisitSearchController(QueryGateway queries, ServiceCalendar calendar) {
        this.queries = queries;
        this.calendar = calendar;
    }

    @Operation(summary = "Visits of one or more halls by the day they started, filtered, sorted and paged")
    @ReadYourWrites(VisitSearchProjection.PROCESSING_GROUP)
    @GetMapping
    Page<VisitSummary> search(@ParameterObject VisitSearchParameters parameters) {
        return queries.query(parameters.query(hallId -> LocalDate.now(calendar.calendar(hallId).zone())),
                             Page.ofItems(VisitSummary.class)).join();
    }
}
