package org.servicehall.query.rebuild;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A rebuild of one view, as the admin API shows it.
 *
 * @param generation         the generation it builds; the view's collections in it are named {@code <name>__g<n>}
 * @param previousGeneration the generation it replaces; kept (no longer read or written) until the next rebuild of
 *                           the view starts
 * @param error              why it failed
 */
@Schema(description = "A rebuild of one view from the event store")
public record Rebuild(String id, String view, RebuildStatus status, int generation, int previousGeneration,
                      Instant requestedAt, Instant startedAt, Instant swappedAt, Instant finishedAt,
                      Progress progress, String error) {

    /**
     * @param eventsDone           events read from the event store and applied (where the view handles them)
     * @param eventsTotal          events in the store: an estimate while it builds (the store counts commits, see
     *                             {@code position}), exact once it has caught up; absent before it starts
     * @param eventsApplied        of the events done, those the view handles
     * @param position             the store position (commit) read up to
     * @param headPosition         the store's head position when progress was last reported
     * @param eventsPerSecond      the rate of events done while building
     * @param estimatedSecondsLeft until it catches up with the store; 0 once it has, absent until it is known
     */
    public record Progress(long eventsDone, Long eventsTotal, long eventsApplied, long position, long headPosition,
                           double eventsPerSecond, Long estimatedSecondsLeft) {
    }
}
