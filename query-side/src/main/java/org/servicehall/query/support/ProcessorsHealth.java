package org.servicehall.query.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.processing.SegmentBalancer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * {@code /actuator/health}'s {@code processors}: this instance's id and, for each event processor, how its segments are
 * shared among the instances ({@link SegmentBalancer#split()}) and the position it has handled every commit up
 * to (the lowest over its segments, wherever they are processed), the head of the event store, and whether it has
 * caught up: it is at the head, and no position it still waits for below it holds a commit. The head is the last
 * commit stored ({@link SequencedEventStorageEngine#headPosition()}): a position reserved by a writer that died is no
 * commit to wait for, and is fenced after the gap timeout. Always UP: being behind is a figure, not a failure.
 * <p>
 * Reads stay off scans: a segment's token is looked up by the token store's unique key (processor and segment) for
 * the segments a processor is made with ({@code hall.processors.segments}) and those this instance processes, a
 * segment this instance processes counts by its live status where that is further, and the positions waited for are
 * looked up in one indexed query.
 */
@Component("processorsHealthIndicator")
class ProcessorsHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final StoredTokens tokens;
    private final SequencedEventStorageEngine engine;
    private final SegmentBalancer balancer;
    private final int segments;

    ProcessorsHealth(EventProcessingConfiguration processing, StoredTokens tokens, SequencedEventStorageEngine engine,
                     SegmentBalancer balancer, @Value("${hall.processors.segments:4}") int segments) {
        this.processing = processing;
        this.tokens = tokens;
        this.engine = engine;
        this.balancer = balancer;
        this.segments = segments;
    }

    /** Where a processor stands: the lowest index over its segments, and the positions they still wait for. */
    private record Standing(long position, Set<Long> waitingFor) {
    }

    @Override
    public Health health() {
        long head = engine.headPosition();
        Map<String, Standing> standings = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                standings.put(name, standing(streaming, head));
            }
        });
        Set<Long> waitedFor = new HashSet<>();
        standings.values().forEach(standing -> waitedFor.addAll(standing.waitingFor()));
        Set<Long> committed = engine.committedAmong(waitedFor);
        Map<String, Object> split = balancer.split();
        Map<String, Object> processors = new TreeMap<>();
        standings.forEach((name, standing) -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("position", standing.position());
            details.put("headPosition", head);
            details.put("caughtUp", standing.position() >= head
                    && standing.waitingFor().stream().noneMatch(committed::contains));
            if (split.get(name) instanceof Map<?, ?> segmentsOfIt) {
                segmentsOfIt.forEach((key, value) -> details.put((String) key, value));
            }
            processors.put(name, details);
        });
        return Health.up().withDetail("instance", balancer.instanceId()).withDetail("processors", processors).build();
    }

    private Standing standing(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> live = processor.processingStatus();
        Set<Integer> segmentIds = new TreeSet<>(live.keySet());
        IntStream.range(0, segments).forEach(segmentIds::add);
        Map<Integer, TrackingToken> stored = tokens.at(processor.getName(), segmentIds);
        Set<Integer> existing = new TreeSet<>(stored.keySet());
        existing.addAll(live.keySet());
        long position = existing.isEmpty() ? 0 : Long.MAX_VALUE;
        Set<Long> waitingFor = new HashSet<>();
        for (int segment : existing) {
            GapAwareTrackingToken token = further(gapAware(stored.get(segment)),
                                                  live.containsKey(segment)
                                                          ? gapAware(live.get(segment).getTrackingToken()) : null);
            position = Math.min(position, token == null ? 0 : token.getIndex());
            if (token != null) {
                token.getGaps().stream().filter(gap -> gap <= head).forEach(waitingFor::add);
            }
        }
        return new Standing(position, waitingFor);
    }

    /** The stored token, or this instance's live one where it has got further (tokens are stored now and then). */
    private static GapAwareTrackingToken further(GapAwareTrackingToken stored, GapAwareTrackingToken live) {
        return live != null && (stored == null || live.getIndex() >= stored.getIndex()) ? live : stored;
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        return WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware ? gapAware : null;
    }
}
