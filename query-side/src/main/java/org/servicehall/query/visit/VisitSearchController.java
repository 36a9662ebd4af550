package org.servicehall.query.visit;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.ReadYourWrites;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/visits", produces = MediaType.APPLICATION_JSON_VALUE)
class VisitSearchController {

    private final QueryGateway queries;
    private final HallTime time;

    VisitSearchController(QueryGateway queries, HallTime time) {
        this.queries = queries;
        this.time = time;
    }

    @Operation(summary = "Visits of one or more halls by the day they started, filtered, sorted and paged")
    @ReadYourWrites(VisitSearchProjection.PROCESSING_GROUP)
    @GetMapping
    Page<VisitSummary> search(@ParameterObject VisitSearchParameters parameters) {
        return queries.query(parameters.query(time::today), Page.ofItems(VisitSummary.class)).join();
    }
}
