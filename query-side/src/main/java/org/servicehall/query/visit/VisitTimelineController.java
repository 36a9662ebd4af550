package org.servicehall.query.visit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.visit.FindVisitTimeline;
import org.servicehall.platform.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/visits", produces = "application/json")
class VisitTimelineController {

    private final QueryGateway queries;

    VisitTimelineController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}/timeline")
    VisitTimeline timeline(@PathVariable String id) {
        return queries.query(new FindVisitTimeline(id), ResponseTypes.optionalInstanceOf(VisitTimeline.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Visit", id));
    }
}
