package org.servicehall.query.rebuild;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A rebuild as stored, so that every instance can answer for it and another can take it over.
 *
 * @param generation      the generation it builds
 * @param owner           the instance running it, while one does
 * @param claimedUntil    when the owner's claim lapses unless renewed
 * @param tokenIndex      with {@code tokenGaps}, how far it has read the event store (every event of every commit up
 *                        to there is applied); null before it has read a whole commit
 * @param eventsDone      events read from the store (and applied, where the view handles them), up to the token
 * @param eventsApplied   of those, events the view handles
 * @param headPosition    the store's head position at the last progress report
 * @param eventsPerSecond the rate at which it has read events so far (while building)
 * @param graceUntil      once swapped, until when it goes on applying new events
 */
@Document(RebuildDocument.COLLECTION)
record RebuildDocument(@Id String id, String view, int generation, int previousGeneration, RebuildStatus status,
                       Instant requestedAt, Instant startedAt, Instant swappedAt, Instant finishedAt, String owner,
                       Instant claimedUntil, Long tokenIndex, List<Long> tokenGaps, long eventsDone,
                       long eventsApplied, long headPosition, double eventsPerSecond, Instant graceUntil,
                       String error) {

    static final String COLLECTION = "view_rebuilds";

    static RebuildDocument requested(String id, String view, int activeGeneration, Instant now) {
        return new RebuildDocument(id, view, activeGeneration + 1, activeGeneration, RebuildStatus.PENDING, now,
                                   null, null, null, null, null, null, List.of(), 0, 0, 0, 0, null, null);
    }

    GapAwareTrackingToken token() {
        return tokenIndex == null ? null
                : GapAwareTrackingToken.newInstance(tokenIndex, tokenGaps == null ? List.of() : tokenGaps);
    }

    long position() {
        return tokenIndex == null ? 0 : tokenIndex;
    }

    Rebuild toApi() {
        boolean caughtUp = status == RebuildStatus.SWAPPED || status == RebuildStatus.COMPLETED
                || (status != RebuildStatus.PENDING && position() >= headPosition);
        Long total = caughtUp ? Long.valueOf(eventsDone) : estimatedTotal();
        Long secondsLeft = caughtUp ? Long.valueOf(0)
                : total == null || eventsPerSecond <= 0 || status != RebuildStatus.RUNNING ? null
                : (long) Math.ceil((total - eventsDone) / eventsPerSecond);
        return new Rebuild(id, view, status, generation, previousGeneration, requestedAt, startedAt, swappedAt,
                           finishedAt, new Rebuild.Progress(eventsDone, total, eventsApplied, position(), headPosition,
                                                            Math.round(eventsPerSecond * 10) / 10.0, secondsLeft),
                           error);
    }

    /**
     * Positions count commits (one or more events of one aggregate), not events: the positions left are scaled by the
     * events per position read so far (one per position before any was read).
     */
    private Long estimatedTotal() {
        if (headPosition == 0) {
            return null;
        }
        double eventsPerPosition = position() == 0 ? 1 : (double) eventsDone / position();
        return eventsDone + Math.round((headPosition - position()) * eventsPerPosition);
    }
}
