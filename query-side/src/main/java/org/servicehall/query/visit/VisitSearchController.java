package org.servicehall.query.visit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.query.support.ReadYourWrites;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    @Parameter(name = "hall", in = ParameterIn.QUERY, required = true,
            description = "hall id; repeat it or separate ids by commas for several halls")
    @Parameter(name = "from", in = ParameterIn.QUERY, example = "2026-11-28",
            description = "first day (yyyy-MM-dd, the hall's local date), default: today at the (first) hall, or 'to' if given")
    @Parameter(name = "to", in = ParameterIn.QUERY, example = "2026-11-30",
            description = "last day, inclusive, at most " + VisitSearchParameters.MAX_DAYS + " days after 'from'; "
                    + "default: 'from'")
    @Parameter(name = "businessType", in = ParameterIn.QUERY, description = "a BusinessType the visit was about")
    @Parameter(name = "staff", in = ParameterIn.QUERY, description = "a staff id that acted during the visit")
    @Parameter(name = "outcome", in = ParameterIn.QUERY, description = "a VisitOutcome")
    @Parameter(name = "minWait", in = ParameterIn.QUERY, example = "15",
            description = "least waiting time in whole minutes; visits that did not wait do not match")
    @Parameter(name = "routingError", in = ParameterIn.QUERY, description = "true: only visits with a routing error; "
            + "false: only visits without")
    @Parameter(name = "sort", in = ParameterIn.QUERY, example = "waitingTime,desc",
            description = "arrivedAt (default), waitingTime, serviceTime or timeInHall, then ',asc' (default) or "
                    + "',desc'; visits without the figure come last")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "0-based, default 0")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "1 to " + VisitSearchParameters.MAX_SIZE
            + ", default " + VisitSearchParameters.DEFAULT_SIZE)
    @ReadYourWrites(VisitSearchProjection.PROCESSING_GROUP)
    @GetMapping
    VisitPage search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(VisitSearchParameters.parse(parameters,
                                                         hallId -> LocalDate.now(calendar.calendar(hallId).zone())),
                             ResponseTypes.instanceOf(VisitPage.class)).join();
    }
}
