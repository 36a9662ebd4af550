package org.servicehall.query.conduct;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.servicehall.api.MetadataKeys;
import org.servicehall.platform.axon.EventTimes;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.platform.calendar.WorkingDayCalendar;
import org.servicehall.query.support.ViewDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The conduct audit as a projection: every event of a visit, consultation, application, payment or complaint is
 * added to what the audit has seen of its aggregate ({@link Subject}), the aggregate's judge decides what it can, and
 * the verdicts this event decided go to their hall's day ({@link AuditDay}).
 * <p>
 * Delivery is at least once and there are no transactions, so every step is idempotent: a fact is kept by its
 * sequence number, verdicts are decided from the facts alone (never from the clock) and written under ids derived
 * from rule, aggregate and occurrence, and the day's verdicts are written before the subject, so an event whose
 * processing was cut short is judged again in full when it comes again.
 */
@Component
@ProcessingGroup(ConductAuditProjection.PROCESSING_GROUP)
class ConductAuditProjection {

    static final String PROCESSING_GROUP = "audit";
    /** Where an aggregate whose events name no hall is filed. */
    static final String UNKNOWN_HALL = "unknown";

    private static final Map<SubjectKind, Judge> JUDGES = Map.of(
            SubjectKind.VISIT, new VisitJudge(),
            SubjectKind.CONSULTATION, new ConsultationJudge(),
            SubjectKind.APPLICATION, new ApplicationJudge(),
            SubjectKind.PAYMENT, new PaymentJudge(),
            SubjectKind.COMPLAINT, new ComplaintJudge());
    private static final Map<Class<?>, SubjectKind> AUDITED = audited();

    private final MongoTemplate mongo;
    private final ServiceCalendar calendars;
    private final AuditSettings settings;

    /** The view's collections, so that it can be rebuilt while it answers. */
    @Bean
    static ViewDefinition auditView() {
        return new ViewDefinition(PROCESSING_GROUP, Subject.COLLECTION, AuditDay.COLLECTION);
    }

    ConductAuditProjection(MongoTemplate mongo, ServiceCalendar calendars, AuditSettings settings) {
        this.mongo = mongo;
        this.calendars = calendars;
        this.settings = settings;
        ensureIndexes();
    }

    /** For ad-hoc reads by hall and day on a real MongoDB; the API reads by {@code _id}, which needs none. */
    private void ensureIndexes() {
        mongo.indexOps(AuditDay.class).createIndex(new Index().on("hallId", Sort.Direction.ASC)
                                                              .on("day", Sort.Direction.ASC).named("hallId_1_day_1"));
    }

    private static Map<Class<?>, SubjectKind> audited() {
        Map<Class<?>, SubjectKind> audited = new HashMap<>();
        VisitJudge.EVENTS.forEach(type -> audited.put(type, SubjectKind.VISIT));
        ConsultationJudge.EVENTS.forEach(type -> audited.put(type, SubjectKind.CONSULTATION));
        ApplicationJudge.EVENTS.forEach(type -> audited.put(type, SubjectKind.APPLICATION));
        PaymentJudge.EVENTS.forEach(type -> audited.put(type, SubjectKind.PAYMENT));
        ComplaintJudge.EVENTS.forEach(type -> audited.put(type, SubjectKind.COMPLAINT));
        return Map.copyOf(audited);
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        SubjectKind kind = AUDITED.get(event.getClass());
        if (kind == null) {
            return;
        }
        Map<String, Object> payload = Facts.payload(event);
        Fact fact = new Fact(message.getSequenceNumber(), event.getClass().getSimpleName(),
                             EventTimes.happenedAt(message), message.getTimestamp(),
                             staffId(payload, message), payload);
        Subject seen = mongo.findById(message.getAggregateIdentifier(), Subject.class);
        Subject subject = (seen != null ? seen : new Subject(message.getAggregateIdentifier(), message.getType(),
                                                             kind, hallId(payload, message), List.of()))
                .with(fact);
        WorkingDayCalendar calendar = calendars.calendar(subject.hallId());
        List<Verdict> decided = JUDGES.get(kind).judge(subject, settings, calendar).stream()
                                      .filter(verdict -> verdict.decidedBy() == fact.sequence())
                                      .toList();
        record(subject.hallId(), calendar, decided);
        mongo.save(subject);
    }

    private void record(String hallId, WorkingDayCalendar calendar, List<Verdict> verdicts) {
        Map<LocalDate, List<Verdict>> byDay = verdicts.stream().collect(Collectors.groupingBy(
                verdict -> calendar.day(verdict.at()), LinkedHashMap::new, Collectors.toList()));
        byDay.forEach((day, ofDay) -> {
            Update update = new Update().set("hallId", hallId).set("day", day.toString());
            for (Verdict verdict : ofDay) {
                if (verdict.passed()) {
                    update.set("passes." + verdict.id(), new AuditDay.Pass(verdict.rule().id(), verdict.staffId()))
                          .unset("findings." + verdict.id());
                } else {
                    update.set("findings." + verdict.id(), new Finding(
                                  verdict.id(), verdict.rule().id(), hallId, day.toString(), verdict.at(),
                                  verdict.staffId(), verdict.aggregateType(), verdict.aggregateId(),
                                  verdict.explanation(), verdict.evidence()))
                          .unset("passes." + verdict.id());
                }
            }
            mongo.upsert(query(where("_id").is(AuditDay.id(hallId, day))), update, AuditDay.class);
        });
    }

    /** The hall the aggregate's first event names, in its payload or, failing that, its metadata. */
    private static String hallId(Map<String, Object> payload, DomainEventMessage<?> message) {
        Object hallId = payload.get("hallId");
        if (hallId == null) {
            hallId = message.getMetaData().get(MetadataKeys.HALL_ID);
        }
        return hallId instanceof String text && !text.isBlank() ? text : UNKNOWN_HALL;
    }

    private static String staffId(Map<String, Object> payload, DomainEventMessage<?> message) {
        Object staffId = payload.get("staffId");
        if (staffId == null) {
            staffId = message.getMetaData().get(MetadataKeys.STAFF_ID);
        }
        return staffId instanceof String text ? text : null;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(Subject.class);
        mongo.dropCollection(AuditDay.class);
        ensureIndexes();
    }
}
