package org.servicehall.query.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How far the views are: whether a processing group has handled a global position of the event store, read from its
 * segments' tracking tokens ({@link GapAwareTrackingToken}: index &ge; n and n not a gap).
 * <p>
 * Several query-side instances share a group's segments, so one instance's processor may own only some of them. A
 * segment this instance owns is judged by its live status (exact). Any other segment is judged by the token stored in
 * MongoDB by whichever instance owns it; but an owner stores its token only every few seconds while the segment has
 * nothing to handle, so such a segment is waited for only if position n holds an event it handles. Hence: a group has
 * reached n when every segment of this instance has passed n, and every other segment that handles an event at n has
 * too. For a single instance (the embedded server's case) that is simply "every segment has passed n"; with several,
 * the change made at n, and everything before it in the same sequence (the same aggregate, or whatever the group's
 * sequencing policy says), is in the view. For a short while after a rebuild made a new generation of the view active,
 * instances may read either generation; the rebuild applies new events to both meanwhile, and must have passed n too
 * ({@link ViewGenerations#catchingUpTo}).
 */
@Component
public class ViewPositions {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(200);

    private final EventProcessingConfiguration processing;
    private final StoredTokens tokens;
    private final EventStorageEngine eventStore;
    private final ViewGenerations generations;

    ViewPositions(EventProcessingConfiguration processing, StoredTokens tokens,
                  EventStorageEngine eventStore, ViewGenerations generations) {
        this.processing = processing;
        this.tokens = tokens;
        this.eventStore = eventStore;
        this.generations = generations;
    }

    /**
     * Waits until every one of the processing groups has reached {@code position}, at most {@code timeout}.
     *
     * @return whether they did; false means the views may not show the change yet
     */
    public boolean await(long position, Duration timeout, Collection<String> processingGroups)
            throws InterruptedException {
        if (position <= 0) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Target> targets = processingGroups.stream().map(group -> new Target(group, position)).toList();
        Duration pause = FIRST_PAUSE;
        while (true) {
            if (targets.stream().allMatch(Target::reached)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** Whether the processing group has reached {@code position} now (see the class comment). */
    public boolean hasReached(String processingGroup, long position) {
        return position <= 0 || new Target(processingGroup, position).reached();
    }

    /** Fails if a name is not a processing group of this application, which would make every wait time out. */
    public void requireKnown(Collection<String> processingGroups) {
        for (String group : processingGroups) {
            if (processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class).isEmpty()) {
                throw new IllegalStateException("@ReadYourWrites names '" + group + "', which is not a processing "
                        + "group of this application");
            }
        }
    }

    /** One group waited for at one position; the events at that position are read once. */
    private final class Target {

        private final String group;
        private final long position;
        private final Optional<StreamingEventProcessor> processor;
        private List<? extends EventMessage<?>> eventsAtPosition;

        Target(String group, long position) {
            this.group = group;
            this.position = position;
            this.processor = processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class);
        }

        boolean reached() {
            Map<Integer, TrackingToken> stored = tokens.of(processor.map(StreamingEventProcessor::getName)
                                                                       .orElse(group));
            if (stored.isEmpty()) {
                return false;
            }
            Map<Integer, EventTrackerStatus> owned = processor.map(StreamingEventProcessor::processingStatus)
                                                              .orElse(Map.of());
            int[] segmentIds = stored.keySet().stream().mapToInt(Integer::intValue).toArray();
            for (int segmentId : segmentIds) {
                EventTrackerStatus status = owned.get(segmentId);
                boolean passed = passed(stored.get(segmentId))
                        || (status != null && passed(status.getTrackingToken()));
                if (!passed && (status != null || handles(Segment.computeSegment(segmentId, segmentIds)))) {
                    return false;
                }
            }
            // just after a rebuild's swap an instance may read either generation: the rebuild must be past it too
            return generations.catchingUpTo(group).map(this::passed).orElse(true);
        }

        private boolean passed(TrackingToken token) {
            TrackingToken current = WrappedToken.unwrapLowerBound(token);
            return current instanceof GapAwareTrackingToken gapAware
                    && gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }

        /** Whether the segment handles an event at the position; if that cannot be told, it must be waited for. */
        private boolean handles(Segment segment) {
            Optional<EventHandlerInvoker> invoker = processor.filter(AbstractEventProcessor.class::isInstance)
                                                             .map(p -> ((AbstractEventProcessor) p)
                                                                     .eventHandlerInvoker());
            List<? extends EventMessage<?>> events = eventsAtPosition();
            if (invoker.isEmpty() || events.isEmpty()) {
                return true;
            }
            return events.stream().anyMatch(event -> invoker.get().canHandle(event, segment));
        }

        private List<? extends EventMessage<?>> eventsAtPosition() {
            if (eventsAtPosition == null) {
                TrackingToken before = GapAwareTrackingToken.newInstance(position - 1, Set.of());
                try (Stream<? extends TrackedEventMessage<?>> stream = eventStore.readEvents(before, false)) {
                    eventsAtPosition = stream.takeWhile(event -> EventPositions.positionOf(event) <= position)
                                             .filter(event -> EventPositions.positionOf(event) == position)
                                             .toList();
                }
            }
            return eventsAtPosition;
        }
    }
}
