package org.servicehall.query.figures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.figures.FigureGrouping;
import org.servicehall.api.figures.FindServiceFigures;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.servicehall.query.support.ReadYourWrites;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Service figures for analysts: {@code GET /api/figures?hall=&from=&to=&groupBy=}. */
@RestController
@RequestMapping(path = "/api/figures", produces = MediaType.APPLICATION_JSON_VALUE)
class FiguresController {

    /** A year, leap or not: enough for any report, and a bound on what one request reads (one rollup a day). */
    static final int MAX_DAYS = 366;

    private static final List<String> KNOWN = List.of("hall", "from", "to", "groupBy", "awaitPosition");

    private final QueryGateway queries;

    FiguresController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Service figures of a hall for a range of local dates: one row per group, then the totals")
    @Parameter(name = "hall", in = ParameterIn.QUERY, required = true, example = "dalian-01",
            description = "the hall's id")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true, example = "2026-11-23",
            description = "first day (yyyy-MM-dd, the hall's local date)")
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true, example = "2026-11-29",
            description = "last day, inclusive; at most " + MAX_DAYS + " days from 'from', both included")
    @Parameter(name = "groupBy", in = ParameterIn.QUERY, example = "businessType",
            description = "one row per day (default), business type or staff member",
            schema = @Schema(type = "string", allowableValues = {"day", "businessType", "staff"}))
    @ReadYourWrites(FiguresProjection.PROCESSING_GROUP)
    @GetMapping
    ServiceFigures figures(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(parse(parameters), ResponseTypes.instanceOf(ServiceFigures.class)).join();
    }

    /**
     * Everything wrong, a parameter that does not exist included (a typo in {@code groupBy} would otherwise silently
     * give rows by day), is one 400 naming each parameter and, for a fixed set, its values.
     */
    private static FindServiceFigures parse(MultiValueMap<String, String> parameters) {
        List<InvalidField> errors = new ArrayList<>();
        parameters.keySet().stream().filter(name -> !KNOWN.contains(name)).forEach(
                name -> errors.add(invalid(name, "is not a parameter of service figures", null, KNOWN)));
        String hall = required(parameters, "hall", "the id of the hall", errors);
        LocalDate from = date(parameters, "from", errors);
        LocalDate to = date(parameters, "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(invalid("to", "must not be before 'from' (" + from + ")", to.toString(), null));
        } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            errors.add(invalid("to", "may be at most " + MAX_DAYS + " days from 'from', both included",
                               to.toString(), null));
        }
        String groupBy = single(parameters, "groupBy", errors);
        FigureGrouping grouping = groupBy == null ? FigureGrouping.DAY
                : FigureGrouping.fromApiName(groupBy).orElse(null);
        if (grouping == null) {
            errors.add(invalid("groupBy", "must be one of " + FigureGrouping.apiNames(), groupBy,
                               FigureGrouping.apiNames()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new FindServiceFigures(hall, from, to, grouping, Instant.now());
    }

    private static LocalDate date(MultiValueMap<String, String> parameters, String name, List<InvalidField> errors) {
        String value = required(parameters, name, "a date (yyyy-MM-dd), e.g. 2026-11-28", errors);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(invalid(name, "is not a date: expected yyyy-MM-dd, e.g. 2026-11-28", value, null));
            return null;
        }
    }

    /** As {@link #single}, noting an error when the parameter is absent or blank too. */
    private static String required(MultiValueMap<String, String> parameters, String name, String what,
                                   List<InvalidField> errors) {
        int given = errors.size();
        String value = single(parameters, name, errors);
        if (value == null && errors.size() == given) {
            errors.add(invalid(name, "is required: " + what, null, null));
        }
        return value;
    }

    /** The parameter's one value, trimmed; null if it is absent, blank, or given more than once (then noted). */
    private static String single(MultiValueMap<String, String> parameters, String name, List<InvalidField> errors) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            errors.add(invalid(name, "is given " + values.size() + " times; give it once", null, null));
            return null;
        }
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).trim();
    }

    private static InvalidField invalid(String parameter, String message, String value, List<String> allowed) {
        return new InvalidField(parameter, "query", message, value, allowed);
    }
}
