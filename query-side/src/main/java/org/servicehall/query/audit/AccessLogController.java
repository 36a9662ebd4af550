package org.servicehall.query.audit;

import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** The window defaults to the last 24 hours. */
    @GetMapping
    AccessLogPage read(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                       @RequestParam(defaultValue = "1000") int limit) {
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(Duration.ofDays(1));
        if (!start.isBefore(end)) {
            throw invalid("from", "must be before 'to' (" + end + ")", start.toString());
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + MAX_LIMIT, limit);
        }
        List<Access> entries = log.between(start, end, limit + 1);
        return new AccessLogPage(start, end, entries.subList(0, Math.min(limit, entries.size())),
                                 entries.size() > limit);
    }

    private static InvalidInput invalid(String parameter, String message, Object rejectedValue) {
        return new InvalidInput(List.of(new InvalidField(parameter, "query", message, rejectedValue, null)));
    }
}
