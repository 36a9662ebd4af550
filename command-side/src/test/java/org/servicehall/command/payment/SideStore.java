package org.servicehall.command.payment;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;

import java.util.List;

/**
 * The other aggregate of a handler that decides with two (a payment and a cashier's shift), for a fixture test of
 * one of them: its repository over an in-memory event store of its own, a history to give it, and what it holds.
 * The fixture checks its own aggregate's events; this one's are read here.
 */
final class SideStore<T> {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
                                                                .storageEngine(new InMemoryEventStorageEngine())
                                                                .build();
    private final String type;
    final Repository<T> repository;

    SideStore(Class<T> aggregateType) {
        this.type = aggregateType.getSimpleName();
        this.repository = EventSourcingRepository.builder(aggregateType).eventStore(events).build();
    }

    /** Gives {@code aggregateId} these events, from sequence 0. */
    SideStore<T> given(String aggregateId, Object... history) {
        for (int sequence = 0; sequence < history.length; sequence++) {
            events.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, history[sequence]));
        }
        return this;
    }

    List<Object> events(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(EventMessage::getPayload).map(Object.class::cast)
                     .toList();
    }
}
