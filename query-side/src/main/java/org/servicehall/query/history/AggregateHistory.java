package org.servicehall.query.history;

import java.time.Instant;
import java.util.List;

/**
 * One aggregate's stream as recorded, whole or up to a point.
 *
 * @param aggregateType the aggregate type as stored ({@code Visit})
 * @param version       the sequence number of the last event shown (the aggregate's version at that point)
 * @param asOf          the time asked for, if any: the events recorded up to and including it
 * @param atSequence    the sequence number asked for, if any: the events up to and including it
 * @param eventCount    how many events are shown
 * @param state         with {@code asOf} or {@code atSequence}: what the store said about the aggregate then
 */
record AggregateHistory(String aggregateType, String aggregateId, long version, Instant asOf, Long atSequence,
                        int eventCount, List<HistoryEvent> events, AggregateState state) {

    static AggregateHistory whole(String aggregateType, String aggregateId, List<HistoryEvent> events) {
        return new AggregateHistory(aggregateType, aggregateId, last(events), null, null, events.size(), events, null);
    }

    static AggregateHistory upTo(String aggregateType, String aggregateId, Instant asOf, Long atSequence,
                                 List<HistoryEvent> events) {
        return new AggregateHistory(aggregateType, aggregateId, last(events), asOf, atSequence, events.size(), events,
                                    AggregateState.of(events));
    }

    private static long last(List<HistoryEvent> events) {
        return events.get(events.size() - 1).sequence();
    }
}
