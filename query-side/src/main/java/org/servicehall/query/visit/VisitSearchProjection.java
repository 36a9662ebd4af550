package org.servicehall.query.visit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.servicehall.api.BusinessType;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.visit.AppointmentBooked;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerRerouted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.FormCorrectionRequested;
import org.servicehall.api.visit.HandedOverToBackOffice;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.OtherNeedsChecked;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RoutedToBackOffice;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.RoutedToDepartment;
import org.servicehall.api.visit.RoutedToSelfService;
import org.servicehall.api.visit.SearchVisits;
import org.servicehall.api.visit.TransferredToDepartment;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.axon.EventTimes;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.ViewDefinition;
import org.servicehall.query.support.ViewUpdates;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Builds the visit search view: a {@link SummaryDocument} per visit, and a {@link VisitDay} per hall and local day
 * (in the hall's zone, from its {@link ServiceCalendar}) holding the rows of the visits that started then. It handles only events that name their visit, sequenced by it
 * (see {@link VisitConfiguration#BY_VISIT}), so one segment writes each summary and its row, in order; rows of
 * different visits of a day are different fields of the day's document, set independently.
 */
@Component
@ProcessingGroup(VisitSearchProjection.PROCESSING_GROUP)
class VisitSearchProjection {

    static final String PROCESSING_GROUP = "visit-search";
    /** Days per {@code $in} query: each day may hold hundreds of visits. */
    private static final int DAYS_PER_QUERY = 31;

    private final MongoTemplate mongo;
    private final ServiceCalendar calendar;

    /** The view's collections, so that it can be rebuilt while it answers. */
    @Bean
    static ViewDefinition visitSearchView() {
        return new ViewDefinition(PROCESSING_GROUP, SummaryDocument.COLLECTION, VisitDay.COLLECTION);
    }

    VisitSearchProjection(MongoTemplate mongo, ServiceCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
        ensureIndexes();
    }

    /** For ad-hoc reads on a real MongoDB; search itself reads by {@code _id} only. */
    private void ensureIndexes() {
        mongo.indexOps(SummaryDocument.class).createIndex(new Index("hallId", Sort.Direction.ASC)
                                                                  .on("day", Sort.Direction.ASC));
    }

    @EventHandler
    void on(VisitStarted event, EventMessage<?> message) {
        LocalDate day = calendar.calendar(event.hallId()).day(EventTimes.happenedAt(message));
        apply(event.visitId(), message, null, null, new Update().set("hallId", event.hallId())
                                                                .set("day", day.toString()));
    }

    @EventHandler
    void on(CustomerGreeted event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(NeedIdentified event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), event.businessType());
    }

    @EventHandler
    void on(RoutedToCounter event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(RoutedToSelfService event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(RoutedToBackOffice event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(RoutedToDepartment event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(CustomerRerouted event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(QueueTicketIssued event, EventMessage<?> message) {
        apply(event.visitId(), message, null, event.businessType());
    }

    @EventHandler
    void on(CounterCalled event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(FormCorrectionRequested event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(HandedOverToBackOffice event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(TransferredToDepartment event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(AppointmentBooked event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(OtherNeedsChecked event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), event.furtherNeeds() ? event.nextBusinessType() : null);
    }

    @EventHandler
    void on(CustomerSeenOff event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(CustomerLeftWithoutService event, EventMessage<?> message) {
        apply(event.visitId(), message, event.staffId(), null);
    }

    @EventHandler
    void on(ConsultationOpened event, EventMessage<?> message) {
        if (event.visitId() != null) {
            apply(event.visitId(), message, event.staffId(), event.topic());
        }
    }

    @EventHandler
    void on(ApplicationSubmitted event, EventMessage<?> message) {
        if (event.visitId() != null) {
            apply(event.visitId(), message, event.staffId(), event.type());
        }
    }

    @EventHandler
    void on(PaymentRequested event, EventMessage<?> message) {
        if (event.visitId() != null) {
            apply(event.visitId(), message, event.staffId(), BusinessType.BILL_PAYMENT);
        }
    }

    @EventHandler
    void on(ComplaintRegistered event, EventMessage<?> message) {
        if (event.visitId() != null) {
            apply(event.visitId(), message, event.staffId(), BusinessType.COMPLAINT);
        }
    }

    private void apply(String visitId, EventMessage<?> message, String staffId, BusinessType businessType) {
        apply(visitId, message, staffId, businessType, new Update());
    }

    /**
     * Applies the event once, recomputes the figures if it is a step they depend on, and copies the summary into its
     * day's row; the last two also on a repeated delivery, in case the first one stopped half-way.
     */
    private void apply(String visitId, EventMessage<?> message, String staffId, BusinessType businessType,
                       Update update) {
        update.push("eventIds", message.getIdentifier());
        if (staffId != null) {
            update.addToSet("staffIds", staffId);
        }
        if (businessType != null) {
            update.addToSet("businessTypes", businessType);
        }
        Optional<VisitMoment> moment = VisitMoment.of(message);
        moment.ifPresent(step -> update.push("moments", step));
        ViewUpdates.applyOnce(mongo, SummaryDocument.class, visitId, "eventIds", message.getIdentifier(), update,
                              () -> SummaryDocument.empty(visitId));
        Query byId = query(where("_id").is(visitId));
        byId.fields().exclude("eventIds");
        SummaryDocument summary = mongo.findOne(byId, SummaryDocument.class);
        if (moment.isPresent()) {
            summary = summary.withFigures(VisitFigures.of(summary.moments()));
            mongo.updateFirst(query(where("_id").is(visitId)), new Update().set("figures", summary.figures()),
                              SummaryDocument.class);
        }
        if (summary.hallId() != null) {
            ViewUpdates.upsert(mongo, VisitDay.class, VisitDay.idOf(summary.hallId(), LocalDate.parse(summary.day())),
                               new Update().set("hallId", summary.hallId()).set("day", summary.day())
                                           .set("visits." + VisitDay.key(visitId), summary.summary()));
        }
    }

    @QueryHandler
    Page<VisitSummary> handle(SearchVisits search) {
        List<String> dayIds = new ArrayList<>();
        for (String hallId : search.hallIds()) {
            search.from().datesUntil(search.to().plusDays(1)).forEach(day -> dayIds.add(VisitDay.idOf(hallId, day)));
        }
        List<VisitSummary> matching = new ArrayList<>();
        for (int start = 0; start < dayIds.size(); start += DAYS_PER_QUERY) {
            List<String> ids = dayIds.subList(start, Math.min(dayIds.size(), start + DAYS_PER_QUERY));
            mongo.find(query(where("_id").in(ids)), VisitDay.class).stream()
                 .filter(day -> day.visits() != null)
                 .flatMap(day -> day.visits().values().stream())
                 .filter(matches(search))
                 .forEach(matching::add);
        }
        matching.sort(order(search));
        return Page.of(matching, search.page(), search.size());
    }

    private static Predicate<VisitSummary> matches(SearchVisits search) {
        return summary -> (search.businessType() == null || summary.businessTypes().contains(search.businessType()))
                && (search.staffId() == null || summary.staffIds().contains(search.staffId()))
                && (search.outcome() == null || summary.figures().outcome() == search.outcome())
                && (search.minWait() == null || (summary.figures().waitingSeconds() != null
                && summary.figures().waitingSeconds() >= search.minWait().toSeconds()))
                && (search.routingError() == null
                || search.routingError() == (summary.figures().routingErrors() > 0));
    }

    private static Comparator<VisitSummary> order(SearchVisits search) {
        Function<VisitSummary, Comparable<?>> key = switch (search.order()) {
            case ARRIVED_AT -> summary -> summary.figures().arrivedAt();
            case WAITING_TIME -> summary -> summary.figures().waitingSeconds();
            case SERVICE_TIME -> summary -> summary.figures().serviceSeconds();
            case TIME_IN_HALL -> summary -> summary.figures().timeInHallSeconds();
        };
        @SuppressWarnings("unchecked")
        Comparator<Comparable<Object>> direction = search.descending() ? Comparator.reverseOrder()
                : Comparator.naturalOrder();
        @SuppressWarnings("unchecked")
        Comparator<VisitSummary> byKey = Comparator.comparing(summary -> (Comparable<Object>) key.apply(summary),
                                                              Comparator.nullsLast(direction));
        return byKey.thenComparing(summary -> summary.figures().arrivedAt(),
                                   Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(VisitSummary::visitId);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(SummaryDocument.class);
        mongo.dropCollection(VisitDay.class);
        ensureIndexes();
    }
}
