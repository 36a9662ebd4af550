package org.servicehall.query.figures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.figures.FigureGrouping;
import org.servicehall.api.figures.FindServiceFigures;
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.query.support.CheckedTogether;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.ReadYourWrites;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

/** Service figures for analysts: {@code GET /api/figures?hall=&from=&to=&groupBy=}. */
@RestController
@RequestMapping(path = "/api/figures", produces = MediaType.APPLICATION_JSON_VALUE)
class FiguresController {

    /** A year, leap or not: enough for any report, and a bound on what one request reads (one rollup a day). */
    static final int MAX_DAYS = 366;

    private final QueryGateway queries;
    private final HallTime time;

    FiguresController(QueryGateway queries, HallTime time) {
        this.queries = queries;
        this.time = time;
    }

    /** Which hall, which days, which rows. */
    record FiguresParameters(
            @Parameter(description = "the hall's id", example = "dalian-01")
            @NotNull(message = "is required: the id of the hall") @HallId String hall,
            @Parameter(description = "first day (yyyy-MM-dd, the hall's local date)", example = "2026-11-23")
            @NotNull(message = "is required: a date (yyyy-MM-dd), e.g. 2026-11-28") @DateTimeFormat(iso = DATE)
            LocalDate from,
            @Parameter(description = "last day, inclusive; at most " + MAX_DAYS + " days from 'from', both included",
                       example = "2026-11-29")
            @NotNull(message = "is required: a date (yyyy-MM-dd), e.g. 2026-11-28") @DateTimeFormat(iso = DATE)
            LocalDate to,
            @Parameter(description = "one row per day (default), business type or staff member",
                       example = "businessType",
                       schema = @Schema(type = "string", allowableValues = {"day", "businessType", "staff"}))
            FigureGrouping groupBy) implements CheckedTogether {

        FiguresParameters {
            groupBy = groupBy != null ? groupBy : FigureGrouping.DAY;
        }

        @Override
        public List<InvalidField> invalidTogether(HallTime time) {
            if (from != null && to != null && to.isBefore(from)) {
                return List.of(invalid("must not be before 'from' (" + from + ")"));
            }
            if (from != null && to != null && ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                return List.of(invalid("may be at most " + MAX_DAYS + " days from 'from', both included"));
            }
            return List.of();
        }

        private InvalidField invalid(String message) {
            return new InvalidField("to", "query", message, to.toString(), null);
        }
    }

    @Operation(summary = "Service figures of a hall for a range of local dates: one row per group, then the totals")
    @ReadYourWrites(FiguresProjection.PROCESSING_GROUP)
    @GetMapping
    ServiceFigures figures(@ParameterObject FiguresParameters parameters) {
        return queries.query(new FindServiceFigures(parameters.hall(), parameters.from(), parameters.to(),
                                                    parameters.groupBy(), time.now()),
                             ResponseTypes.instanceOf(ServiceFigures.class)).join();
    }
}
