package org.servicehall.query.visit;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.FindVisitTimeline;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.testing.TestMongo;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VisitTimelineProjectionTest {

    private final TestMongo mongo = TestMongo.start();
    private final VisitTimelineProjection projection = new VisitTimelineProjection(mongo.mongoTemplate());
    private final AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
    private long sequence;

    @AfterEach
    void close() {
        mongo.close();
    }

    private EventMessage<?> event(Object payload, String at) {
        return new GenericDomainEventMessage<>("Visit", "v-1", sequence++, payload, MetaData.emptyInstance(),
                                               UUID.randomUUID().toString(), Instant.parse(at));
    }

    private void handle(EventMessage<?>... events) throws Exception {
        for (EventMessage<?> event : events) {
            handlers.handle(event);
        }
    }

    private VisitTimeline timeline() {
        return projection.handle(new FindVisitTimeline("v-1")).orElseThrow();
    }

    @Test
    void everyEventOfTheVisitBecomesAnEntryInOrder() throws Exception {
        handle(event(new VisitStarted("v-1", "hall-1"), "2026-11-27T23:58:00Z"),
               event(new CustomerGreeted("v-1", "guide-7", false, false, false, false), "2026-11-27T23:58:10Z"),
               event(new RoutedToCounter("v-1", "guide-7", "3"), "2026-11-27T23:59:30Z"),
               event(new CustomerSeenOff("v-1", "clerk-2", true), "2026-11-28T00:12:00Z"));

        VisitTimeline timeline = timeline();

        assertThat(timeline.hallId()).isEqualTo("hall-1");
        assertThat(timeline.entries()).extracting(VisitTimeline.Entry::type)
                                      .containsExactly("VisitStarted", "CustomerGreeted", "RoutedToCounter",
                                                       "CustomerSeenOff");
        assertThat(timeline.entries()).extracting(VisitTimeline.Entry::at)
                                      .containsExactly(Instant.parse("2026-11-27T23:58:00Z"),
                                                       Instant.parse("2026-11-27T23:58:10Z"),
                                                       Instant.parse("2026-11-27T23:59:30Z"),
                                                       Instant.parse("2026-11-28T00:12:00Z"));
        assertThat(timeline.entries().get(2).summary()).isEqualTo("Routed to counter 3 by guide-7");
        assertThat(timeline.entries().get(3).staffId()).isEqualTo("clerk-2");
    }

    @Test
    void anEventDeliveredTwiceIsRecordedOnce() throws Exception {
        EventMessage<?> started = event(new VisitStarted("v-1", "hall-1"), "2026-11-28T09:00:00Z");
        EventMessage<?> greeted = event(new CustomerGreeted("v-1", "guide-7", false, false, false, false), "2026-11-28T09:00:05Z");

        handle(started, greeted, started, greeted);

        assertThat(timeline().entries()).hasSize(2);
    }

    @Test
    void resettingEmptiesTheView() throws Exception {
        handle(event(new VisitStarted("v-1", "hall-1"), "2026-11-28T09:00:00Z"));

        projection.reset();

        assertThat(projection.handle(new FindVisitTimeline("v-1"))).isEmpty();
    }
}
