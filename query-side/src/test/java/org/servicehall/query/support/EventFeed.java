package org.servicehall.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.servicehall.api.MetadataKeys;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds events to a projection the way its processor would, one aggregate's events numbered in order, each stamped
 * with when it happened in the hall.
 */
public final class EventFeed {

    private final AnnotationEventHandlerAdapter handlers;
    private final Map<String, Long> sequences = new HashMap<>();

    public EventFeed(Object projection) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
    }

    /** The next event of the given aggregate, not yet handled. */
    public DomainEventMessage<?> event(String aggregateId, Object payload, Instant at) {
        long sequence = sequences.merge(aggregateId, 0L, (last, ignored) -> last + 1);
        return new GenericDomainEventMessage<>(payload.getClass().getPackageName(), aggregateId, sequence, payload,
                                               MetaData.with(MetadataKeys.OCCURRED_AT, at.toString()),
                                               UUID.randomUUID().toString(), at);
    }

    /** Creates the next event of the aggregate and hands it to the projection. */
    public DomainEventMessage<?> apply(String aggregateId, Object payload, Instant at) {
        DomainEventMessage<?> event = event(aggregateId, payload, at);
        handle(event);
        return event;
    }

    public void handle(DomainEventMessage<?>... events) {
        for (DomainEventMessage<?> event : events) {
            try {
                handlers.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("The projection failed on " + event.getPayloadType(), e);
            }
        }
    }
}
