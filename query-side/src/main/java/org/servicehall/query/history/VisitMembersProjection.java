package org.servicehall.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.query.support.ViewDefinition;
import org.servicehall.query.support.ViewUpdates;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Which aggregates were opened during each visit, so that a visit's merged history finds them by key: one document
 * per visit ({@code _id} the visit id) listing its members, each added once ({@code $addToSet}, so a redelivered event
 * changes nothing). Only the creation event of a consultation, application, payment or complaint names its visit.
 * <p>
 * A small view, rebuilt like the others: the histories themselves are read from the event store, and each member is
 * checked there again (its first event must name the visit), so this only says where to look.
 */
@Component
@ProcessingGroup(VisitMembersProjection.PROCESSING_GROUP)
class VisitMembersProjection {

    static final String PROCESSING_GROUP = "history-visit-members";
    static final String COLLECTION = "history_visit_members";
    private static final String MEMBERS = "members";
    private static final String AGGREGATE_TYPE = "aggregateType";
    private static final String AGGREGATE_ID = "aggregateId";

    private final MongoTemplate mongo;

    /** The view's collection, so that it can be rebuilt while it answers. */
    @Bean
    static ViewDefinition visitMembersView() {
        return new ViewDefinition(PROCESSING_GROUP, COLLECTION);
    }

    VisitMembersProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A member: its aggregate type as stored and its id. */
    record Member(String aggregateType, String aggregateId) {
    }

    @EventHandler
    void on(ConsultationOpened event, DomainEventMessage<?> message) {
        join(event.visitId(), message);
    }

    @EventHandler
    void on(ApplicationSubmitted event, DomainEventMessage<?> message) {
        join(event.visitId(), message);
    }

    @EventHandler
    void on(PaymentRequested event, DomainEventMessage<?> message) {
        join(event.visitId(), message);
    }

    @EventHandler
    void on(ComplaintRegistered event, DomainEventMessage<?> message) {
        join(event.visitId(), message);
    }

    @ResetHandler
    void reset() {
        if (mongo.collectionExists(COLLECTION)) {
            mongo.dropCollection(COLLECTION);
        }
    }

    private void join(String visitId, DomainEventMessage<?> message) {
        if (visitId == null) {
            return;
        }
        Document member = new Document(AGGREGATE_TYPE, message.getType())
                .append(AGGREGATE_ID, message.getAggregateIdentifier());
        ViewUpdates.upsert(mongo, Document.class, COLLECTION, visitId, new Update().addToSet(MEMBERS, member));
    }

    /** The members recorded for a visit (none if it has none, or is unknown). */
    List<Member> members(String visitId) {
        return Optional.ofNullable(mongo.findById(visitId, Document.class, COLLECTION))
                       .map(document -> document.getList(MEMBERS, Document.class))
                       .orElse(List.of())
                       .stream()
                       .map(member -> new Member(member.getString(AGGREGATE_TYPE), member.getString(AGGREGATE_ID)))
                       .toList();
    }
}
