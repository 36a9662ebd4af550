package org.servicehall.query.visit;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.servicehall.api.MetadataKeys;
import org.servicehall.platform.calendar.ComplaintTimeLimits;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.platform.calendar.WorkingDayCalendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events as a streaming processor delivers them: each at the next global position, with its aggregate's next
 * sequence number and the time it happened in the hall as {@code occurredAt}.
 */
final class TestEvents {

    private final Map<String, Long> sequences = new HashMap<>();
    private long position;

    EventMessage<?> event(String aggregateType, String aggregateId, Object payload, String happenedAt) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        TrackingToken token = GapAwareTrackingToken.newInstance(++position, List.of());
        // recorded a little later than it happened
        return new GenericTrackedDomainEventMessage<>(token, new GenericDomainEventMessage<>(
                aggregateType, aggregateId, sequence, payload, MetaData.with(MetadataKeys.OCCURRED_AT, happenedAt),
                UUID.randomUUID().toString(), Instant.parse(happenedAt).plusSeconds(1)));
    }

    EventMessage<?> visit(String visitId, Object payload, String happenedAt) {
        return event("Visit", visitId, payload, happenedAt);
    }

    /** The same event seen again while its processor replays the history after a reset. */
    static EventMessage<?> replayed(EventMessage<?> event) {
        GenericTrackedDomainEventMessage<?> tracked = (GenericTrackedDomainEventMessage<?>) event;
        TrackingToken replay = ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(tracked.trackingToken().position().orElseThrow() + 100, List.of()),
                tracked.trackingToken());
        return tracked.withTrackingToken(replay);
    }

    /** Halls count their days in Shanghai (UTC+8), except {@code hall-utc}, which has a zone of its own. */
    static ServiceCalendar calendar() {
        WorkingDayCalendar shanghai = new WorkingDayCalendar(ZoneId.of("Asia/Shanghai"), List.of(), List.of());
        return new ServiceCalendar(shanghai, ComplaintTimeLimits.DEFAULTS,
                                   Map.of("hall-utc", shanghai.overriddenBy(ZoneOffset.UTC, List.of(), List.of())),
                                   Map.of());
    }

    static void handle(AnnotationEventHandlerAdapter handlers, EventMessage<?>... events) {
        handle(handlers, List.of(events));
    }

    static void handle(AnnotationEventHandlerAdapter handlers, List<EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            try {
                handlers.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
