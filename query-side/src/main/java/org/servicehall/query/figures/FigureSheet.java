package org.servicehall.query.figures;

import org.servicehall.api.BusinessType;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.api.figures.FigureGrouping;
import org.servicehall.api.figures.FindServiceFigures;
import org.servicehall.api.visit.VisitOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Computes {@link ServiceFigures} from the rollups of a range of days: merges the contributions, sorts them into
 * groups, and counts, averages and ranks them. The work is proportional to what happened in the range, never to the
 * history before it.
 * <p>
 * Whom a contribution counts for when grouping by staff: a visit's arrival, outcome, waiting and service time count
 * for the clerk who made its first counter call, its routing for the staff member who routed it first; a
 * consultation and its work orders for the clerk who opened it; a complaint and its callbacks for the staff member
 * who registered it. By business type: a visit's need (see {@link FigureDay.Visit}), a consultation's topic, and
 * {@code COMPLAINT} for complaints and callbacks.
 */
final class FigureSheet {

    /** Served: at a counter or the guide desk, at self-service, or by a hand-over that reached someone. */
    static final Set<VisitOutcome> SERVED_OUTCOMES = EnumSet.of(VisitOutcome.SERVED, VisitOutcome.SELF_SERVED,
                                                       VisitOutcome.HANDED_OVER);
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60_000;

    private final FigureGrouping grouping;
    private final Instant asOf;
    private final Map<String, Tally> groups = new HashMap<>();
    private final Tally total = new Tally();

    private FigureSheet(FigureGrouping grouping, Instant asOf) {
        this.grouping = grouping;
        this.asOf = asOf;
    }

    static ServiceFigures compute(FindServiceFigures query, Collection<FigureDay> days, Duration waitingTarget,
                                  ZoneId zone) {
        FigureSheet sheet = new FigureSheet(query.groupBy(), query.asOf());
        // A group only makes a row when something falls into it, except days: every day of the range gets one, so a
        // quiet day shows as zeros rather than as a gap.
        if (query.groupBy() == FigureGrouping.DAY) {
            query.from().datesUntil(query.to().plusDays(1)).forEach(day -> sheet.group(day.toString()));
        }
        days.forEach(sheet::add);
        long target = waitingTarget.toMillis();
        List<ServiceFigures.Row> rows = sheet.groups.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(sheet.order()))
                .map(group -> new ServiceFigures.Row(group.getKey(),
                                                     group.getValue().figures(target)))
                .toList();
        return new ServiceFigures(query.hallId(), query.from(), query.to(), query.groupBy().apiName(), zone.getId(),
                                  round(target, SECOND), round(target, MINUTE), query.asOf(), rows,
                                  sheet.total.figures(target));
    }

    private void add(FigureDay day) {
        for (FigureDay.Visit visit : values(day.visits())) {
            group(key(day, visit.businessType(), visit.staffId())).visits.add(visit);
            total.visits.add(visit);
            if (visit.routed()) {
                group(key(day, visit.businessType(), visit.routedBy())).routings.add(visit);
                total.routings.add(visit);
            }
        }
        for (FigureDay.Consultation consultation : values(day.consultations())) {
            group(key(day, consultation.topic(), consultation.staffId())).consultations.add(consultation);
            total.consultations.add(consultation);
        }
        for (FigureDay.WorkOrder workOrder : values(day.workOrdersCompleted())) {
            group(key(day, workOrder.topic(), workOrder.staffId())).workOrdersCompleted.add(workOrder);
            total.workOrdersCompleted.add(workOrder);
        }
        for (FigureDay.WorkOrder workOrder : values(day.workOrdersDue())) {
            if (workOrder.openOverdue(asOf)) {
                group(key(day, workOrder.topic(), workOrder.staffId())).workOrdersOpenOverdue.add(workOrder);
                total.workOrdersOpenOverdue.add(workOrder);
            }
        }
        for (FigureDay.Complaint complaint : values(day.complaintsClosed())) {
            group(key(day, BusinessType.COMPLAINT, complaint.staffId())).complaintsClosed.add(complaint);
            total.complaintsClosed.add(complaint);
        }
        for (FigureDay.Callback callback : values(day.callbacks())) {
            group(key(day, BusinessType.COMPLAINT, callback.staffId())).callbacks.add(callback);
            total.callbacks.add(callback);
        }
    }

    private Tally group(String key) {
        return groups.computeIfAbsent(key, k -> new Tally());
    }

    private String key(FigureDay day, BusinessType businessType, String staffId) {
        return switch (grouping) {
            case DAY -> day.day();
            case BUSINESS_TYPE -> businessType == null ? null : businessType.name();
            case STAFF -> staffId;
        };
    }

    /** Days in order, business types in their declared order, staff ids alphabetically; the group without last. */
    private Comparator<String> order() {
        Comparator<String> order = grouping == FigureGrouping.BUSINESS_TYPE
                ? Comparator.comparing(BusinessType::valueOf)
                : Comparator.naturalOrder();
        return Comparator.nullsLast(order);
    }

    private static <T> Collection<T> values(Map<String, T> contributions) {
        return contributions == null ? List.of() : contributions.values();
    }

    /** The contributions that fall into one group. */
    private static final class Tally {
        final List<FigureDay.Visit> visits = new ArrayList<>();
        /** visits routed at least once */
        final List<FigureDay.Visit> routings = new ArrayList<>();
        final List<FigureDay.Consultation> consultations = new ArrayList<>();
        final List<FigureDay.WorkOrder> workOrdersCompleted = new ArrayList<>();
        final List<FigureDay.WorkOrder> workOrdersOpenOverdue = new ArrayList<>();
        final List<FigureDay.Complaint> complaintsClosed = new ArrayList<>();
        final List<FigureDay.Callback> callbacks = new ArrayList<>();

        ServiceFigures.Figures figures(long waitingTarget) {
            long served = count(visits, visit -> SERVED_OUTCOMES.contains(visit.outcome()));
            Map<VisitOutcome, Long> outcomes = new EnumMap<>(VisitOutcome.class);
            for (VisitOutcome outcome : VisitOutcome.values()) {
                outcomes.put(outcome, count(visits, visit -> visit.outcome() == outcome));
            }
            List<Long> waits = sorted(visits.stream().map(FigureDay.Visit::waitingMillis));
            List<Long> services = sorted(visits.stream().map(FigureDay.Visit::serviceMillis));
            long overTarget = count(waits, wait -> wait > waitingTarget);
            long routingErrors = count(routings, FigureDay.Visit::wrongJudgement);
            long onTheSpot = count(consultations, FigureDay.Consultation::answeredOnTheSpot);
            long workOrders = count(consultations, FigureDay.Consultation::turnedIntoWorkOrder);
            long completedInTime = count(workOrdersCompleted, FigureDay.WorkOrder::completedWithinLimit);
            long closedInTime = count(complaintsClosed, FigureDay.Complaint::withinLimits);
            Map<Satisfaction, Long> levels = new EnumMap<>(Satisfaction.class);
            for (Satisfaction level : Satisfaction.values()) {
                levels.put(level, count(callbacks, callback -> callback.satisfaction() == level));
            }
            return new ServiceFigures.Figures(
                    visits.size(), served, percent(served, visits.size()), outcomes,
                    new ServiceFigures.Waiting(waits.size(), average(waits, SECOND), average(waits, MINUTE),
                                               p90(waits, SECOND), p90(waits, MINUTE), overTarget,
                                               percent(overTarget, waits.size())),
                    new ServiceFigures.Service(services.size(), average(services, SECOND), average(services, MINUTE),
                                               p90(services, SECOND), p90(services, MINUTE)),
                    new ServiceFigures.Routing(routings.size(), routingErrors, percent(routingErrors, routings.size())),
                    new ServiceFigures.Consultations(consultations.size(), onTheSpot, workOrders,
                                                     percent(onTheSpot, onTheSpot + workOrders)),
                    new ServiceFigures.WorkOrders(workOrdersCompleted.size(), completedInTime,
                                                  percent(completedInTime, workOrdersCompleted.size()),
                                                  workOrdersOpenOverdue.size()),
                    new ServiceFigures.Complaints(complaintsClosed.size(), closedInTime,
                                                  percent(closedInTime, complaintsClosed.size())),
                    new ServiceFigures.SatisfactionFigures(callbacks.size(), levels));
        }
    }

    private static List<Long> sorted(Stream<Long> values) {
        return values.filter(Objects::nonNull).sorted().toList();
    }

    private static <T> long count(Collection<T> items, Predicate<T> which) {
        return items.stream().filter(which).count();
    }

    private static Double average(List<Long> millis, long unit) {
        if (millis.isEmpty()) {
            return null;
        }
        // exact however many periods, and however long (clients' times may lie far apart)
        BigDecimal sum = millis.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(unit).multiply(BigDecimal.valueOf(millis.size())), 1,
                          RoundingMode.HALF_UP).doubleValue();
    }

    /** Nearest rank: the value at rank ceil(0.9 n) of the n values in ascending order, always one of the values. */
    private static Double p90(List<Long> ascendingMillis, long unit) {
        if (ascendingMillis.isEmpty()) {
            return null;
        }
        int rank = (9 * ascendingMillis.size() + 9) / 10;
        return round(ascendingMillis.get(rank - 1), unit);
    }

    private static double round(long millis, long unit) {
        return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(100 * part).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                            .doubleValue();
    }
}
