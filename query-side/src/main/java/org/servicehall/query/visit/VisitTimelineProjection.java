package org.servicehall.query.visit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.FindVisitTimeline;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.VisitStarted;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Builds {@link VisitTimeline}s. Delivery is at least once (the embedded server has no transactions to tie a view's
 * write to its token), so every write is idempotent: an entry is added to a set, keyed by its event.
 */
@Component
@ProcessingGroup(VisitTimelineProjection.PROCESSING_GROUP)
class VisitTimelineProjection {

    static final String PROCESSING_GROUP = "visit-timeline";

    private final MongoTemplate mongo;

    VisitTimelineProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(VisitStarted event, EventMessage<?> message) {
        add(event.visitId(), message, null, "Visit started at hall " + event.hallId(),
            new Update().set("hallId", event.hallId()));
    }

    @EventHandler
    void on(CustomerGreeted event, EventMessage<?> message) {
        add(event.visitId(), message, event.staffId(), "Greeted by " + event.staffId(), new Update());
    }

    @EventHandler
    void on(RoutedToCounter event, EventMessage<?> message) {
        add(event.visitId(), message, event.staffId(),
            "Routed to counter " + event.counter() + " by " + event.staffId(), new Update());
    }

    @EventHandler
    void on(CustomerSeenOff event, EventMessage<?> message) {
        add(event.visitId(), message, event.staffId(), "Seen off by " + event.staffId(), new Update());
    }

    private void add(String visitId, EventMessage<?> message, String staffId, String summary, Update update) {
        VisitTimeline.Entry entry = new VisitTimeline.Entry(message.getIdentifier(),
                                                            message.getPayloadType().getSimpleName(),
                                                            message.getTimestamp(), staffId, summary);
        mongo.upsert(query(where("_id").is(visitId)), update.addToSet("entries", entry), VisitTimeline.class);
    }

    @QueryHandler
    Optional<VisitTimeline> handle(FindVisitTimeline query) {
        return Optional.ofNullable(mongo.findById(query.visitId(), VisitTimeline.class));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(VisitTimeline.class);
    }
}
