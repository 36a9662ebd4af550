package org.servicehall.query.audit;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.query.support.CheckedTogether;
import org.servicehall.query.support.HallTime;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** For compliance staff (as everything under {@code /api/history}): who read which history when. */
@RestController
@RequestMapping(path = "/api/history/access-log", produces = "application/json")
class AccessLogController {

    static final int MAX_LIMIT = 10_000;

    private final HistoryAccessLog log;

    AccessLogController(HistoryAccessLog log) {
        this.log = log;
    }

    /**
     * @param entries   oldest first
     * @param truncated whether more records fall in the window: read on with {@code from} = the last one's time
     *                  (records of that very instant come again)
     */
    record AccessLogPage(Instant from, Instant to, List<Access> entries, boolean truncated) {
    }

    /** Which window, how many records. */
    record AccessLogParameters(
            @Parameter(description = "the window's start (ISO-8601); default: 24 hours before its end",
                       example = "2026-11-28T00:00:00Z") Instant from,
            @Parameter(description = "the window's end (ISO-8601), exclusive; default: now",
                       example = "2026-11-29T00:00:00Z") Instant to,
            @Parameter(description = "the most records to answer, 1 to " + MAX_LIMIT + ", default 1000")
            @Min(1) @Max(MAX_LIMIT) Integer limit) implements CheckedTogether {

        AccessLogParameters {
            to = to != null ? to : Instant.now();
            from = from != null ? from : to.minus(Duration.ofDays(1));
            limit = limit != null ? limit : 1000;
        }

        @Override
        public List<InvalidField> invalidTogether(HallTime time) {
            return from.isBefore(to) ? List.of() : List.of(new InvalidField(
                    "from", "query", "must be before 'to' (" + to + ")", from.toString(), null));
        }
    }

    @GetMapping
    AccessLogPage read(@ParameterObject AccessLogParameters parameters) {
        List<Access> entries = log.between(parameters.from(), parameters.to(), parameters.limit() + 1);
        return new AccessLogPage(parameters.from(), parameters.to(),
                                 entries.subList(0, Math.min(parameters.limit(), entries.size())),
                                 entries.size() > parameters.limit());
    }
}
