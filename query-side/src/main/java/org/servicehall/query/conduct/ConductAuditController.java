package org.servicehall.query.conduct;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.conduct.FindConductFindings;
import org.servicehall.api.conduct.FindConductReport;
import org.servicehall.api.conduct.FindConductReport.ReportGrouping;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The conduct audit for compliance staff: findings, compliance rates, and the rules in effect. */
@RestController
@RequestMapping(path = "/api/audit", produces = "application/json")
class ConductAuditController {

    static final int MAX_DAYS = 366;
    static final int MAX_PAGE_SIZE = 500;

    private final QueryGateway queries;
    private final AuditSettings settings;

    ConductAuditController(QueryGateway queries, AuditSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    /** A rule as it is in effect. */
    record RuleInEffect(String id, String appliesTo, String source, String description, String judgedWhen,
                        boolean enabled, Map<String, String> thresholds) {
    }

    @Operation(summary = "The rules the audit judges, with the settings in effect")
    @GetMapping("/rules")
    List<RuleInEffect> rules() {
        return Arrays.stream(ConductRule.values())
                     .map(rule -> new RuleInEffect(rule.id(), rule.appliesTo().name(), rule.source(),
                                                   rule.description(), rule.judgedWhen(), settings.enabled(rule),
                                                   settings.thresholds(rule)))
                     .toList();
    }

    @Operation(summary = "Findings of a hall over a range of its local days, oldest first")
    @GetMapping("/findings")
    FindingsPage findings(
            @Parameter(description = "the hall", example = "dalian-01") @RequestParam(required = false) String hall,
            @Parameter(description = "first local day, in the hall's zone", example = "2026-11-01")
            @RequestParam(required = false) String from,
            @Parameter(description = "last local day (inclusive), at most " + MAX_DAYS + " days after from",
                       example = "2026-11-30") @RequestParam(required = false) String to,
            @Parameter(description = "only this rule (an enabled rule's id, see /api/audit/rules)",
                       example = "belongings-reminder") @RequestParam(required = false) String rule,
            @Parameter(description = "only findings this staff member is responsible for", example = "clerk-02")
            @RequestParam(required = false) String staff,
            @Parameter(description = "page number from 0", example = "0") @RequestParam(required = false) String page,
            @Parameter(description = "findings per page, 1 to " + MAX_PAGE_SIZE, example = "50")
            @RequestParam(required = false) String size) {
        Parameters parameters = new Parameters();
        String hallId = parameters.hall(hall);
        LocalDate first = parameters.day("from", from);
        LocalDate last = parameters.day("to", to);
        parameters.range(first, last);
        String ruleId = parameters.rule(rule);
        int pageNumber = parameters.number("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = parameters.number("size", size, 50, 1, MAX_PAGE_SIZE);
        parameters.check();
        return queries.query(new FindConductFindings(hallId, first, last, ruleId, blankToNull(staff), pageNumber,
                                                     pageSize), ResponseTypes.instanceOf(FindingsPage.class))
                      .join();
    }

    @Operation(summary = "Compliance rates of a hall over a range of its local days: passes / (passes + findings)")
    @GetMapping("/report")
    ConductReport report(
            @Parameter(description = "the hall", example = "dalian-01") @RequestParam(required = false) String hall,
            @Parameter(description = "first local day, in the hall's zone", example = "2026-11-01")
            @RequestParam(required = false) String from,
            @Parameter(description = "last local day (inclusive), at most " + MAX_DAYS + " days after from",
                       example = "2026-11-30") @RequestParam(required = false) String to,
            @Parameter(description = "day, staff or rule (default rule)", example = "staff")
            @RequestParam(required = false) String groupBy) {
        Parameters parameters = new Parameters();
        String hallId = parameters.hall(hall);
        LocalDate first = parameters.day("from", from);
        LocalDate last = parameters.day("to", to);
        parameters.range(first, last);
        ReportGrouping grouping = parameters.grouping(groupBy);
        parameters.check();
        return queries.query(new FindConductReport(hallId, first, last, grouping),
                             ResponseTypes.instanceOf(ConductReport.class))
                      .join();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Reads the query parameters, collecting every error so that one 400 names them all. */
    private final class Parameters {

        private final List<InvalidField> errors = new ArrayList<>();

        String hall(String value) {
            if (value == null || value.isBlank()) {
                errors.add(new InvalidField("hall", "query", "is required", null, null));
            }
            return value;
        }

        LocalDate day(String name, String value) {
            if (value == null || value.isBlank()) {
                errors.add(new InvalidField(name, "query", "is required: a local day, e.g. 2026-11-28", null, null));
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(new InvalidField(name, "query", "must be a date, e.g. 2026-11-28", value, null));
                return null;
            }
        }

        void range(LocalDate from, LocalDate to) {
            if (from == null || to == null) {
                return;
            }
            if (to.isBefore(from)) {
                errors.add(new InvalidField("to", "query", "must not be before from (" + from + ")", to.toString(),
                                            null));
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                errors.add(new InvalidField("to", "query", "must be at most " + MAX_DAYS + " days after from",
                                            to.toString(), null));
            }
        }

        /** An enabled rule's id; a known but disabled rule is refused too, rather than answered with nothing. */
        String rule(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            List<String> enabled = settings.enabledRules().stream().map(ConductRule::id).toList();
            if (!enabled.contains(value)) {
                String message = ConductRule.byId(value).isPresent()
                        ? "is disabled by hall.audit.rules." + value + ".enabled" : "is not a rule of the audit";
                errors.add(new InvalidField("rule", "query", message, value, enabled));
            }
            return value;
        }

        ReportGrouping grouping(String value) {
            if (value == null || value.isBlank()) {
                return ReportGrouping.RULE;
            }
            List<String> allowed = Arrays.stream(ReportGrouping.values())
                                         .map(grouping -> grouping.name().toLowerCase(Locale.ROOT)).toList();
            if (!allowed.contains(value)) {
                errors.add(new InvalidField("groupBy", "query", "must be one of " + allowed, value, allowed));
                return null;
            }
            return ReportGrouping.valueOf(value.toUpperCase(Locale.ROOT));
        }

        int number(String name, String value, int fallback, int min, int max) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below, as any value that is not a whole number in range
            }
            errors.add(new InvalidField(name, "query", "must be a whole number from " + min
                    + (max == Integer.MAX_VALUE ? "" : " to " + max), value, null));
            return fallback;
        }

        void check() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
