package org.servicehall.query.conduct;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.conduct.FindConductFindings;
import org.servicehall.api.conduct.FindConductReport.ReportGrouping;
import org.servicehall.api.conduct.FindConductReport;
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.values.StaffId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.query.support.CheckedTogether;
import org.servicehall.query.support.HallTime;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

/** The conduct audit for compliance staff: findings, compliance rates, and the rules in effect. */
@RestController
@RequestMapping(path = "/api/audit", produces = "application/json")
class ConductAuditController {

    static final int MAX_DAYS = 366;
    static final int MAX_PAGE_SIZE = 500;
    private static final String REQUIRED_DAY = "is required: a local day, e.g. 2026-11-28";

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

    /** Findings of which hall, days, rule and staff member. */
    record FindingsParameters(
            @Parameter(description = "the hall", example = "dalian-01") @NotNull(message = "is required")
            @HallId String hall,
            @Parameter(description = "first local day, in the hall's zone", example = "2026-11-01")
            @NotNull(message = REQUIRED_DAY) @DateTimeFormat(iso = DATE) LocalDate from,
            @Parameter(description = "last local day (inclusive), at most " + MAX_DAYS + " days after from",
                       example = "2026-11-30") @NotNull(message = REQUIRED_DAY) @DateTimeFormat(iso = DATE)
            LocalDate to,
            @Parameter(description = "only this rule (an enabled rule's id, see /api/audit/rules)",
                       example = "belongings-reminder", schema = @Schema(type = "string")) ConductRule rule,
            @Parameter(description = "only findings this staff member is responsible for", example = "clerk-02")
            @StaffId String staff,
            @Parameter(description = "page number from 0", example = "0") @Min(0) Integer page,
            @Parameter(description = "findings per page, 1 to " + MAX_PAGE_SIZE, example = "50") @Min(1)
            @Max(MAX_PAGE_SIZE) Integer size) implements CheckedTogether {

        FindingsParameters {
            page = page != null ? page : 0;
            size = size != null ? size : 50;
        }

        @Override
        public List<InvalidField> invalidTogether(HallTime time) {
            return invalidRange(from, to);
        }
    }

    @Operation(summary = "Findings of a hall over a range of its local days, oldest first")
    @GetMapping("/findings")
    FindingsPage findings(@ParameterObject FindingsParameters parameters) {
        return queries.query(new FindConductFindings(parameters.hall(), parameters.from(), parameters.to(),
                                                     parameters.rule() == null ? null : parameters.rule().id(),
                                                     parameters.staff(), parameters.page(), parameters.size()),
                             ResponseTypes.instanceOf(FindingsPage.class))
                      .join();
    }

    /** Rates of which hall and days, by what. */
    record ReportParameters(
            @Parameter(description = "the hall", example = "dalian-01") @NotNull(message = "is required")
            @HallId String hall,
            @Parameter(description = "first local day, in the hall's zone", example = "2026-11-01")
            @NotNull(message = REQUIRED_DAY) @DateTimeFormat(iso = DATE) LocalDate from,
            @Parameter(description = "last local day (inclusive), at most " + MAX_DAYS + " days after from",
                       example = "2026-11-30") @NotNull(message = REQUIRED_DAY) @DateTimeFormat(iso = DATE)
            LocalDate to,
            @Parameter(description = "day, staff or rule (default rule)", example = "staff",
                       schema = @Schema(type = "string", allowableValues = {"day", "staff", "rule"}))
            ReportGrouping groupBy) implements CheckedTogether {

        ReportParameters {
            groupBy = groupBy != null ? groupBy : ReportGrouping.RULE;
        }

        @Override
        public List<InvalidField> invalidTogether(HallTime time) {
            return invalidRange(from, to);
        }
    }

    @Operation(summary = "Compliance rates of a hall over a range of its local days: passes / (passes + findings)")
    @GetMapping("/report")
    ConductReport report(@ParameterObject ReportParameters parameters) {
        return queries.query(new FindConductReport(parameters.hall(), parameters.from(), parameters.to(),
                                                   parameters.groupBy()),
                             ResponseTypes.instanceOf(ConductReport.class))
                      .join();
    }

    private static List<InvalidField> invalidRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return List.of();
        }
        if (to.isBefore(from)) {
            return List.of(new InvalidField("to", "query", "must not be before from (" + from + ")", to.toString(),
                                            null));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            return List.of(new InvalidField("to", "query", "must be at most " + MAX_DAYS + " days after from",
                                            to.toString(), null));
        }
        return List.of();
    }
}
