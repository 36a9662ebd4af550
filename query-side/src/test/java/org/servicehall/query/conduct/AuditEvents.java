package org.servicehall.query.conduct;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.servicehall.api.MetadataKeys;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One aggregate's stream for a test: events numbered in order, each happening (and recorded) at a hall time. */
final class AuditEvents {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final String aggregateType;
    private final String aggregateId;
    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    private AuditEvents(String aggregateType, String aggregateId) {
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
    }

    static AuditEvents of(String aggregateType, String aggregateId) {
        return new AuditEvents(aggregateType, aggregateId);
    }

    /** @param localTime in Shanghai, e.g. {@code 2026-11-28T09:00} */
    AuditEvents at(String localTime, Object payload) {
        Instant at = instant(localTime);
        events.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, events.size(), payload,
                                                   MetaData.with(MetadataKeys.OCCURRED_AT, at.toString())
                                                           .and(MetadataKeys.HALL_ID, "hall-1"),
                                                   UUID.randomUUID().toString(), at));
        return this;
    }

    List<DomainEventMessage<?>> events() {
        return List.copyOf(events);
    }

    static Instant instant(String localTime) {
        return LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant();
    }

    /** How a finding cites an event of this stream. */
    Evidence evidence(long sequence) {
        return new Evidence(aggregateType, aggregateId, sequence,
                            events.get((int) sequence).getPayloadType().getSimpleName());
    }
}
