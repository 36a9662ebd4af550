package org.servicehall.query.figures;

import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.figures.FigureGrouping;
import org.servicehall.api.figures.FindServiceFigures;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

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
     * The query parameters as given; {@link ParametersValidator} checks them, so a bad one is answered with a 400
     * naming it (and what it may be) rather than with a conversion error.
     *
     * @param hall    the hall's id
     * @param from    the first local date, ISO-8601 ({@code 2026-11-23})
     * @param to      the last local date, included
     * @param groupBy {@code day} (the default), {@code businessType} or {@code staff}
     */
    record FiguresParameters(String hall, String from, String to, String groupBy) {

        LocalDate fromDate() {
            return LocalDate.parse(from);
        }

        LocalDate toDate() {
            return LocalDate.parse(to);
        }

        FigureGrouping grouping() {
            return groupBy == null ? FigureGrouping.DAY : FigureGrouping.fromApiName(groupBy).orElseThrow();
        }
    }

    @InitBinder("figuresParameters")
    void validateParameters(WebDataBinder binder) {
        binder.addValidators(new ParametersValidator());
    }

    @GetMapping
    ServiceFigures figures(@Valid @ParameterObject FiguresParameters parameters) {
        FindServiceFigures query = new FindServiceFigures(parameters.hall(), parameters.fromDate(),
                                                          parameters.toDate(), parameters.grouping(), Instant.now());
        return queries.query(query, ResponseTypes.instanceOf(ServiceFigures.class)).join();
    }

    static final class ParametersValidator implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return FiguresParameters.class.equals(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            FiguresParameters parameters = (FiguresParameters) target;
            if (parameters.hall() == null || parameters.hall().isBlank()) {
                errors.rejectValue("hall", "required", "is required: the id of the hall");
            }
            LocalDate from = date(parameters.from(), "from", errors);
            LocalDate to = date(parameters.to(), "to", errors);
            if (from != null && to != null) {
                if (to.isBefore(from)) {
                    errors.rejectValue("to", "range", "must not be before from (" + from + ")");
                } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                    errors.rejectValue("to", "range", "the range from " + from + " may span at most " + MAX_DAYS
                            + " days");
                }
            }
            if (parameters.groupBy() != null && FigureGrouping.fromApiName(parameters.groupBy()).isEmpty()) {
                errors.rejectValue("groupBy", "allowed", "must be one of " + FigureGrouping.apiNames());
            }
        }

        private static LocalDate date(String value, String parameter, Errors errors) {
            if (value == null || value.isBlank()) {
                errors.rejectValue(parameter, "required", "is required: a local date like 2026-11-28");
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.rejectValue(parameter, "format", "must be a local date like 2026-11-28");
                return null;
            }
        }
    }
}
