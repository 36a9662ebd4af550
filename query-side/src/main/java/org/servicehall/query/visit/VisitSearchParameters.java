package org.servicehall.query.visit;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import org.servicehall.api.BusinessType;
import org.servicehall.api.visit.SearchVisits;
import org.servicehall.api.visit.VisitOutcome;
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.values.StaffId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.query.support.CheckedTogether;
import org.servicehall.query.support.HallTime;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

/** The query parameters of visit search. */
record VisitSearchParameters(
        @Parameter(description = "hall id; repeat it or separate ids by commas for several halls", required = true,
                   example = "[\"dalian-01\"]") @NotEmpty(message = "is required: one or more hall ids")
        List<@HallId String> hall,
        @Parameter(description = "first day (yyyy-MM-dd, the hall's local date), default: today at the (first) hall, "
                + "or 'to' if given", example = "2026-11-28") @DateTimeFormat(iso = DATE) LocalDate from,
        @Parameter(description = "last day, inclusive, at most " + VisitSearchParameters.MAX_DAYS + " days after "
                + "'from'; default: 'from'", example = "2026-11-30") @DateTimeFormat(iso = DATE) LocalDate to,
        @Parameter(description = "a BusinessType the visit was about") BusinessType businessType,
        @Parameter(description = "a staff id that acted during the visit", example = "clerk-02") @StaffId String staff,
        @Parameter(description = "a VisitOutcome") VisitOutcome outcome,
        @Parameter(description = "least waiting time in whole minutes; visits that did not wait do not match",
                   example = "15") @Min(0) Integer minWait,
        @Parameter(description = "true: only visits with a routing error; false: only visits without")
        Boolean routingError,
        @Parameter(description = "arrivedAt (default), waitingTime, serviceTime or timeInHall, then ',asc' (default) "
                + "or ',desc'; visits without the figure come last", example = "waitingTime,desc") String sort,
        @Parameter(description = "0-based, default 0") @Min(0) Integer page,
        @Parameter(description = "1 to " + VisitSearchParameters.MAX_SIZE + ", default "
                + VisitSearchParameters.DEFAULT_SIZE) @Min(1) @Max(VisitSearchParameters.MAX_SIZE) Integer size)
        implements CheckedTogether {

    static final int MAX_DAYS = 31;
    static final int MAX_SIZE = 200;
    static final int DEFAULT_SIZE = 20;

    private static final Map<String, SearchVisits.Order> ORDERS = Map.of(
            "arrivedAt", SearchVisits.Order.ARRIVED_AT,
            "waitingTime", SearchVisits.Order.WAITING_TIME,
            "serviceTime", SearchVisits.Order.SERVICE_TIME,
            "timeInHall", SearchVisits.Order.TIME_IN_HALL);
    private static final List<String> ORDER_NAMES = List.of("arrivedAt", "waitingTime", "serviceTime", "timeInHall");

    VisitSearchParameters {
        hall = hall == null ? List.of() : hall.stream().flatMap(value -> Arrays.stream(value.split(",")))
                                              .filter(id -> !id.isEmpty()).distinct().toList();
        sort = sort != null ? sort : "arrivedAt";
        page = page != null ? page : 0;
        size = size != null ? size : DEFAULT_SIZE;
    }

    @Override
    public List<InvalidField> invalidTogether(HallTime time) {
        List<InvalidField> invalid = new ArrayList<>();
        String[] sortParts = sort.split(",", -1);
        String direction = direction();
        if (order() == null || sortParts.length > 2) {
            invalid.add(new InvalidField("sort", "query", "is a field to sort by, optionally followed by ',asc' or "
                    + "',desc'", sort, ORDER_NAMES));
        } else if (!direction.equals("asc") && !direction.equals("desc")) {
            invalid.add(new InvalidField("sort", "query", "'" + direction + "' is not a direction", sort,
                                         List.of("asc", "desc")));
        }
        if (from != null && to != null && to.isBefore(from)) {
            invalid.add(new InvalidField("to", "query", "must not be before 'from' (" + from + ")", to.toString(),
                                         null));
        } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            invalid.add(new InvalidField("to", "query", "the search spans at most " + MAX_DAYS + " days",
                                         to.toString(), null));
        }
        return invalid;
    }

    /** @param today which day it is at a hall */
    SearchVisits query(Function<String, LocalDate> today) {
        LocalDate first = from != null ? from : to != null ? to : today.apply(hall.get(0));
        return new SearchVisits(hall, first, to != null ? to : first, businessType, staff, outcome,
                                minWait == null ? null : Duration.ofMinutes(minWait), routingError, order(),
                                direction().equals("desc"), page, size);
    }

    private SearchVisits.Order order() {
        return ORDERS.get(sort.split(",", -1)[0]);
    }

    private String direction() {
        String[] sortParts = sort.split(",", -1);
        return sortParts.length == 2 ? sortParts[1] : "asc";
    }
}
