package org.servicehall.query.figures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.figures.FigureGrouping;
import org.servicehall.api.figures.FindServiceFigures;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
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
@RequestMapping(path = "/api/figures", produces = "application/json")
class FiguresController {

    /** A year, leap or not: enough for any report, and a bound on what one request reads (one rollup a day). */
    static final int MAX_DAYS = 366;

    private final QueryGateway queries;

    FiguresController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * The parameters are taken as text and checked here, so every bad one is named in one 400, with what it must be,
     * rather than the first conversion failure alone.
     */
    @Operation(summary = "Service figures of a hall for a range of local dates, one row per group plus totals")
    @GetMapping
    ServiceFigures figures(
            @Parameter(description = "the hall's id", example = "dalian-01")
            @RequestParam(required = false) String hall,
            @Parameter(description = "the first local date, in the hall's time zone", example = "2026-11-23",
                    schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String from,
            @Parameter(description = "the last local date, included; at most " + MAX_DAYS + " days from `from`",
                    example = "2026-11-29", schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String to,
            @Parameter(description = "how rows are grouped", example = "businessType",
                    schema = @Schema(type = "string", allowableValues = {"day", "businessType", "staff"},
                            defaultValue = "day"))
            @RequestParam(required = false) String groupBy) {
        List<InvalidField> errors = new ArrayList<>();
        if (hall == null || hall.isBlank()) {
            errors.add(invalid("hall", "is required: the id of the hall", hall, null));
        }
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.add(invalid("to", "must not be before from (" + first + ")", to, null));
            } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                errors.add(invalid("to", "may be at most " + MAX_DAYS + " days from " + first + ", both included",
                                   to, null));
            }
        }
        FigureGrouping grouping = groupBy == null ? FigureGrouping.DAY
                : FigureGrouping.fromApiName(groupBy).orElse(null);
        if (grouping == null) {
            errors.add(invalid("groupBy", "must be one of " + FigureGrouping.apiNames(), groupBy,
                               FigureGrouping.apiNames()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return queries.query(new FindServiceFigures(hall, first, last, grouping, Instant.now()),
                             ResponseTypes.instanceOf(ServiceFigures.class))
                      .join();
    }

    private static LocalDate date(String parameter, String value, List<InvalidField> errors) {
        if (value == null || value.isBlank()) {
            errors.add(invalid(parameter, "is required: a local date like 2026-11-28", value, null));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(invalid(parameter, "must be a local date like 2026-11-28", value, null));
            return null;
        }
    }

    private static InvalidField invalid(String parameter, String message, String value, List<String> allowed) {
        return new InvalidField(parameter, "query", message, value, allowed);
    }
}
