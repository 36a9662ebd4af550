package org.servicehall.query.conduct;

import org.axonframework.queryhandling.QueryHandler;
import org.servicehall.api.conduct.FindConductFindings;
import org.servicehall.api.conduct.FindConductReport;
import org.servicehall.api.conduct.FindConductReport.ReportGrouping;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Answers the audit's queries from the days of the range ({@code _id $in}, served by the primary key on both MongoDB
 * and the embedded server); filtering by rule and staff member, and hiding disabled rules, happen in memory on those
 * days only.
 */
@Component
class ConductAuditReads {

    private final MongoTemplate mongo;
    private final AuditSettings settings;

    ConductAuditReads(MongoTemplate mongo, AuditSettings settings) {
        this.mongo = mongo;
        this.settings = settings;
    }

    @QueryHandler
    FindingsPage handle(FindConductFindings query) {
        List<Finding> matching = days(query.hallId(), query.from(), query.to(), false)
                .flatMap(day -> day.findings() == null ? Stream.empty() : day.findings().values().stream())
                .filter(finding -> enabled(finding.rule()))
                .filter(finding -> query.rule() == null || query.rule().equals(finding.rule()))
                .filter(finding -> query.staffId() == null || query.staffId().equals(finding.staffId()))
                .sorted(Comparator.comparing(Finding::at).thenComparing(Finding::id))
                .toList();
        List<Finding> page = matching.stream().skip((long) query.page() * query.size()).limit(query.size()).toList();
        return new FindingsPage(query.hallId(), query.from(), query.to(), query.page(), query.size(),
                                matching.size(), page);
    }

    @QueryHandler
    ConductReport handle(FindConductReport query) {
        Map<String, long[]> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        // Every day of the range and every enabled rule has a row, judged or not; staff members once judged.
        if (query.groupBy() == ReportGrouping.DAY) {
            query.from().datesUntil(query.to().plusDays(1)).forEach(day -> counts.put(day.toString(), new long[2]));
        } else if (query.groupBy() == ReportGrouping.RULE) {
            settings.enabledRules().forEach(rule -> counts.put(rule.id(), new long[2]));
        }
        Function<Verdicted, String> key = switch (query.groupBy()) {
            case DAY -> Verdicted::day;
            case STAFF -> Verdicted::staffId;
            case RULE -> Verdicted::rule;
        };
        long[] total = new long[2];
        days(query.hallId(), query.from(), query.to(), true).flatMap(ConductAuditReads::verdicts)
                .filter(verdict -> enabled(verdict.rule()))
                .forEach(verdict -> {
                    int column = verdict.passed() ? 0 : 1;
                    counts.computeIfAbsent(key.apply(verdict), ignored -> new long[2])[column]++;
                    total[column]++;
                });
        List<ConductReport.Group> groups = counts.entrySet().stream()
                .map(entry -> ConductReport.Group.of(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
        return new ConductReport(query.hallId(), query.from(), query.to(), query.groupBy(), groups,
                                 ConductReport.Group.of(null, total[0], total[1]));
    }

    private Stream<AuditDay> days(String hallId, LocalDate from, LocalDate to, boolean withPasses) {
        List<String> ids = from.datesUntil(to.plusDays(1)).map(day -> AuditDay.id(hallId, day)).toList();
        Query days = query(where("_id").in(ids));
        if (!withPasses) {
            days.fields().exclude("passes");
        }
        return mongo.find(days, AuditDay.class).stream();
    }

    private static Stream<Verdicted> verdicts(AuditDay day) {
        Stream<Verdicted> findings = day.findings() == null ? Stream.empty() : day.findings().values().stream()
                .map(finding -> new Verdicted(day.day(), finding.rule(), finding.staffId(), false));
        Stream<Verdicted> passes = day.passes() == null ? Stream.empty() : day.passes().values().stream()
                .map(pass -> new Verdicted(day.day(), pass.rule(), pass.staffId(), true));
        return Stream.concat(findings, passes);
    }

    private boolean enabled(String ruleId) {
        return ConductRule.byId(ruleId).map(settings::enabled).orElse(false);
    }

    private record Verdicted(String day, String rule, String staffId, boolean passed) {
    }
}
