package org.servicehall.query.visit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.FindVisitTimeline;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resetting the timeline's processor rebuilds an identical view from the history, every replayed event is seen as a
 * replay, and a handler that must not run on replays does not.
 */
@QuerySideTest
@Import({VisitTimelineReplayTest.ReplayWitness.class, VisitTimelineReplayTest.NotOnReplay.class})
class VisitTimelineReplayTest {

    /** Sees every event of the timeline's processing group with its replay status. */
    @TestConfiguration
    @ProcessingGroup(VisitTimelineProjection.PROCESSING_GROUP)
    static class ReplayWitness {
        final List<ReplayStatus> statuses = Collections.synchronizedList(new ArrayList<>());

        @EventHandler
        void on(Object event, ReplayStatus status) {
            statuses.add(status);
        }

        long count(ReplayStatus status) {
            synchronized (statuses) {
                return statuses.stream().filter(status::equals).count();
            }
        }
    }

    /** Stands for a side effect that must happen once (a notification, say), never again on a rebuild. */
    @TestConfiguration
    @ProcessingGroup(VisitTimelineProjection.PROCESSING_GROUP)
    static class NotOnReplay {
        final AtomicInteger greetings = new AtomicInteger();

        @DisallowReplay
        @EventHandler
        void on(CustomerGreeted event) {
            greetings.incrementAndGet();
        }
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    VisitTimelineProjection projection;
    @Autowired
    ReplayWitness witness;
    @Autowired
    NotOnReplay notOnReplay;

    @Test
    void aResetRebuildsTheSameViewAndFlagsEveryReplayedEvent() {
        List<String> visits = List.of("v-1", "v-2", "v-3");
        for (String visit : visits) {
            publish(visit, 0, new VisitStarted(visit, "hall-1"));
            publish(visit, 1, new CustomerGreeted(visit, "guide-7", false, false, false, false));
            publish(visit, 2, new RoutedToCounter(visit, "guide-7", "3"));
            publish(visit, 3, new CustomerSeenOff(visit, "clerk-2", true));
        }
        int events = visits.size() * 4;
        await().atMost(Duration.ofSeconds(30)).until(() -> witness.count(ReplayStatus.REGULAR) == events);
        List<VisitTimeline> before = timelines(visits);
        assertThat(before).allSatisfy(timeline -> assertThat(timeline.entries()).hasSize(4));
        assertThat(notOnReplay.greetings).hasValue(3);

        StreamingEventProcessor processor = processing
                .eventProcessor(VisitTimelineProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> witness.count(ReplayStatus.REPLAY) == events);
        await().atMost(Duration.ofSeconds(10)).until(() -> timelines(visits).equals(before));
        assertThat(witness.count(ReplayStatus.REGULAR)).isEqualTo(events);
        assertThat(notOnReplay.greetings).hasValue(3);

        publish("v-4", 0, new VisitStarted("v-4", "hall-1"));
        publish("v-4", 1, new CustomerGreeted("v-4", "guide-7", false, false, false, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> witness.count(ReplayStatus.REGULAR) == events + 2);
        assertThat(witness.count(ReplayStatus.REPLAY)).isEqualTo(events);
        assertThat(notOnReplay.greetings).hasValue(4);
        // Once past the reset point the tokens are plain positions again, not replay tokens that keep growing.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(storedTokens(processor))
                .allSatisfy(token -> assertThat(token).isInstanceOf(GapAwareTrackingToken.class)));
    }

    private void publish(String visit, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Visit", visit, sequence, payload));
    }

    private List<VisitTimeline> timelines(List<String> visits) {
        return visits.stream().map(visit -> projection.handle(new FindVisitTimeline(visit)).orElse(null)).toList();
    }

    private List<TrackingToken> storedTokens(StreamingEventProcessor processor) {
        return processor.processingStatus().keySet().stream()
                        .map(segment -> tokenStore.fetchToken(VisitTimelineProjection.PROCESSING_GROUP, segment))
                        .toList();
    }
}
