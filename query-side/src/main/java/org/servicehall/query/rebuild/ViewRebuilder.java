package org.servicehall.query.rebuild;

import com.mongodb.MongoInterruptedException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.query.support.ViewGenerations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs one claimed rebuild of a view to its end: builds the new generation from the whole history beside the active
 * one (the one before that goes), makes it active, and keeps applying new events to both for the grace period.
 * <p>
 * It feeds every event of the store, in order, to the view's event handlers: the very ones its processor uses (same
 * beans, same handler definitions), with the thread's generation set to the new one ({@link ViewGenerations#building})
 * and each event marked as a replay, as after a reset. So {@code ReplayStatus} is {@code REPLAY}, handlers marked
 * {@code @DisallowReplay} do not run, and projections send no live updates. Events the view does not handle cost a
 * type check. The live processors are left alone: they go on writing to the active generation, which is what makes
 * the swap safe (see {@link #build}).
 */
@Component
class ViewRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuilder.class);
    /** The pause between reads of the store once the rebuild has caught up with it. */
    private static final Duration TAIL_PAUSE = Duration.ofMillis(200);
    /**
     * What every event is replayed "up to": a position never reached, so each one counts as a replay, also those
     * recorded after the rebuild began (the live processors deliver those as news).
     */
    private static final TrackingToken WHOLE_HISTORY = GapAwareTrackingToken.newInstance(Long.MAX_VALUE, List.of());

    private final RebuildStore store;
    private final ViewGenerations generations;
    private final SequencedEventStorageEngine eventStore;
    private final EventProcessingConfiguration processing;
    private final RebuildProperties properties;

    ViewRebuilder(RebuildStore store, ViewGenerations generations, SequencedEventStorageEngine eventStore,
                  EventProcessingConfiguration processing, RebuildProperties properties) {
        this.store = store;
        this.generations = generations;
        this.eventStore = eventStore;
        this.processing = processing;
        this.properties = properties;
    }

    /** Runs the rebuild claimed by {@code owner} until it ends, fails, loses its claim or the thread is interrupted. */
    void run(RebuildDocument claimed, String owner) {
        try {
            build(claimed, owner);
        } catch (RebuildStore.LostClaim e) {
            log.warn("Rebuild {} of view {}: another instance took it over; stopping here", claimed.id(),
                     claimed.view());
        } catch (Exception e) {
            boolean interrupted = Thread.interrupted();
            if (interrupted || interruption(e)) {
                // the instance is stopping: the claim goes back (the flag is cleared for that write, then restored)
                store.release(claimed.id(), owner);
                Thread.currentThread().interrupt();
                log.info("Rebuild {} of view {} handed back for another instance to go on with", claimed.id(),
                         claimed.view());
            } else {
                fail(claimed, owner, e);
            }
        }
    }

    private static boolean interruption(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof MongoInterruptedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The swap: all projections are idempotent (delivery is at least once), so both the rebuild and the live
     * processors may apply an event to the new generation, in either order. Once the rebuild has caught up with the
     * store it makes the new generation active; every instance's readers and live processors move to it within the
     * generation cache's time to live, and the rebuild keeps reading the store for the grace period, longer than that,
     * applying new events to both generations: whatever a live processor wrote to the old generation meanwhile reaches
     * the new one, and whatever it wrote to the new one reaches readers still on the old one. The last read starts
     * after the grace period, so no event handled live with the old generation is missed. A live processor that is
     * behind re-applies what the new generation has already, changing nothing.
     */
    private void build(RebuildDocument rebuild, String owner) throws Exception {
        String view = rebuild.view();
        int generation = rebuild.generation();
        List<EventMessageHandler> handlers = handlers(view);
        if (rebuild.tokenIndex() == null && rebuild.status() == RebuildStatus.RUNNING
                && generations.storedActive(view) != generation) {
            startAfresh(rebuild, handlers);
        }
        Progress progress = new Progress(rebuild, properties.progressInterval());
        RebuildStatus status = rebuild.status();
        Instant graceUntil = rebuild.graceUntil();
        List<Integer> bothGenerations = List.of(generation, rebuild.previousGeneration());
        List<Integer> targets = status == RebuildStatus.SWAPPED ? bothGenerations : List.of(generation);
        log.info("Rebuild {} of view {} to generation {}: {} from position {}", rebuild.id(), view, generation,
                 status == RebuildStatus.SWAPPED ? "catching up after the swap" : "building", progress.position());
        while (true) {
            Instant readStarted = Instant.now();
            long headAtStart = eventStore.headPosition();
            long read = 0;
            try (Stream<? extends TrackedEventMessage<?>> events = eventStore.readEvents(progress.token(), false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                while (iterator.hasNext()) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    TrackedEventMessage<?> event = iterator.next();
                    progress.reading(event.trackingToken());
                    progress.done(apply(view, targets, handlers, event));
                    read++;
                    if (progress.reportDue()) {
                        report(rebuild, owner, progress, status);
                    }
                }
            }
            progress.readEnded();
            // Caught up with what the store held when the read began: under steady traffic a read rarely comes back
            // empty, so waiting for an empty one could go on for as long as the traffic does.
            boolean caughtUp = read == 0 || progress.position() >= headAtStart;
            if (status == RebuildStatus.RUNNING && !caughtUp) {
                report(rebuild, owner, progress, status);
                continue;
            }
            if (status == RebuildStatus.RUNNING) {
                report(rebuild, owner, progress, status);
                if (!generations.activate(view, rebuild.id(), generation, progress.completeToken())) {
                    throw new RebuildStore.LostClaim(rebuild.id());
                }
                Instant swappedAt = Instant.now();
                graceUntil = swappedAt.plus(properties.gracePeriod());
                store.swapped(rebuild.id(), owner, swappedAt, graceUntil);
                status = RebuildStatus.SWAPPED;
                targets = bothGenerations;
                log.info("Rebuild {}: generation {} of view {} is active after {} events ({} handled), {} events/s",
                         rebuild.id(), generation, view, progress.eventsDone(), progress.eventsApplied(),
                         Math.round(progress.rate()));
            } else if (!readStarted.isBefore(graceUntil)) {
                finish(rebuild, owner);
                return;
            } else if (read > 0) {
                report(rebuild, owner, progress, status);
            } else {
                if (progress.reportDue()) {
                    report(rebuild, owner, progress, status);
                }
                Thread.sleep(Math.max(1, Math.min(TAIL_PAUSE.toMillis(),
                                                  Duration.between(Instant.now(), graceUntil).toMillis())));
            }
        }
    }

    /**
     * Drops every generation but the active one (the one kept from the last rebuild, and whatever an earlier attempt
     * left of the new one) and lets the view prepare the new one as for a reset ({@code @ResetHandler}s, which drop
     * their collections and create their indexes, there).
     */
    private void startAfresh(RebuildDocument rebuild, List<EventMessageHandler> handlers) {
        generations.dropGenerationsExcept(rebuild.view(), Set.of(rebuild.previousGeneration()));
        generations.building(rebuild.view(), rebuild.generation(), () -> {
            handlers.forEach(EventMessageHandler::prepareReset);
            return null;
        });
    }

    /**
     * Applies the event to the view in each of the generations.
     *
     * @return whether the view handles the event
     */
    private boolean apply(String view, List<Integer> generations, List<EventMessageHandler> handlers,
                          TrackedEventMessage<?> event) throws Exception {
        TrackedEventMessage<?> replayed = event.withTrackingToken(
                ReplayToken.createReplayToken(WHOLE_HISTORY, event.trackingToken()));
        List<EventMessageHandler> interested = handlers.stream().filter(handler -> handler.canHandle(replayed))
                                                       .toList();
        if (interested.isEmpty()) {
            return false;
        }
        for (int generation : generations) {
            ResultMessage<?> result = this.generations.building(view, generation, () -> DefaultUnitOfWork
                    .startAndGet(replayed)
                    .executeWithResult(() -> {
                        for (EventMessageHandler handler : interested) {
                            handler.handle(replayed);
                        }
                        return null;
                    }));
            if (result.isExceptional()) {
                throw new EventFailed(event, result.exceptionResult());
            }
        }
        return true;
    }

    private void report(RebuildDocument rebuild, String owner, Progress progress, RebuildStatus status) {
        if (status == RebuildStatus.SWAPPED) {
            generations.catchingUp(rebuild.view(), rebuild.id(), progress.completeToken());
        }
        store.progress(rebuild.id(), owner, progress.completeToken(), progress.completeEventsDone(),
                       progress.completeEventsApplied(), eventStore.headPosition(),
                       status == RebuildStatus.RUNNING ? progress.rate() : -1,
                       Instant.now().plus(properties.claimTimeout()));
        progress.reported();
    }

    private void finish(RebuildDocument rebuild, String owner) {
        generations.dropGenerationsExcept(rebuild.view(), Set.of(rebuild.generation(), rebuild.previousGeneration()));
        store.completed(rebuild.id(), owner, Instant.now());
        generations.unlock(rebuild.view(), rebuild.id());
        log.info("Rebuild {} of view {} completed: generation {} is the view, generation {} is kept unused until "
                         + "the next rebuild starts", rebuild.id(), rebuild.view(), rebuild.generation(),
                 rebuild.previousGeneration());
    }

    private void fail(RebuildDocument rebuild, String owner, Exception e) {
        String error = e instanceof EventFailed ? e.getMessage() : e.toString();
        log.error("Rebuild {} of view {} failed: {}", rebuild.id(), rebuild.view(), error, e);
        try {
            store.failed(rebuild.id(), owner, Instant.now(), error);
            if (generations.storedActive(rebuild.view()) != rebuild.generation()) {
                generations.dropGenerationsExcept(rebuild.view(), Set.of(rebuild.previousGeneration()));
            }
            generations.unlock(rebuild.view(), rebuild.id());
        } catch (RebuildStore.LostClaim lost) {
            log.warn("Rebuild {}: another instance took it over", rebuild.id());
        } catch (RuntimeException unrecorded) {
            log.error("Rebuild {}: its failure could not be recorded; another instance takes it over after the "
                              + "claim timeout", rebuild.id(), unrecorded);
        }
    }

    /** The view's event handlers, as its processor holds them. */
    private List<EventMessageHandler> handlers(String view) {
        AbstractEventProcessor processor = processing.eventProcessorByProcessingGroup(view)
                                                     .filter(AbstractEventProcessor.class::isInstance)
                                                     .map(AbstractEventProcessor.class::cast)
                                                     .orElseThrow(() -> new IllegalStateException(
                                                             "View " + view + " has no event processor"));
        List<EventMessageHandler> handlers = new ArrayList<>();
        collect(processor.eventHandlerInvoker(), handlers);
        return handlers;
    }

    private static void collect(EventHandlerInvoker invoker, List<EventMessageHandler> handlers) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, handlers));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
        } else {
            throw new IllegalStateException("Cannot find the event handlers in " + invoker.getClass().getName());
        }
    }

    /** A handler of the view threw on an event: the rebuild stops there, naming it. */
    private static final class EventFailed extends Exception {

        EventFailed(TrackedEventMessage<?> event, Throwable cause) {
            super("Event " + event.getIdentifier() + " (" + event.getPayloadType().getSimpleName() + ", position "
                          + event.trackingToken().position().orElse(0) + ") failed: " + cause, cause);
        }
    }

    /**
     * How far the rebuild is. All events of a commit share one token, so a token is stored only once every event
     * carrying it is applied, with the counts as of then: a rebuild taken over from there repeats nothing and skips
     * nothing.
     */
    private static final class Progress {

        private final long startedAt = System.nanoTime();
        private final long eventsDoneAtStart;
        private GapAwareTrackingToken complete;
        private long completeEventsDone;
        private long completeEventsApplied;
        private GapAwareTrackingToken current;
        private long eventsDone;
        private long eventsApplied;
        private long lastReport = System.nanoTime();
        private final long reportInterval;

        Progress(RebuildDocument rebuild, Duration reportInterval) {
            this.complete = rebuild.token();
            this.current = complete;
            this.completeEventsDone = rebuild.eventsDone();
            this.completeEventsApplied = rebuild.eventsApplied();
            this.eventsDone = completeEventsDone;
            this.eventsApplied = completeEventsApplied;
            this.eventsDoneAtStart = eventsDone;
            this.reportInterval = reportInterval.toNanos();
        }

        void reading(TrackingToken token) {
            GapAwareTrackingToken gapAware = (GapAwareTrackingToken) WrappedToken.unwrapLowerBound(token);
            if (!gapAware.equals(current)) {
                commitDone();
                current = gapAware;
            }
        }

        void done(boolean applied) {
            eventsDone++;
            if (applied) {
                eventsApplied++;
            }
        }

        /** The read ended: its last commit is complete. */
        void readEnded() {
            commitDone();
        }

        private void commitDone() {
            complete = current;
            completeEventsDone = eventsDone;
            completeEventsApplied = eventsApplied;
        }

        GapAwareTrackingToken token() {
            return complete;
        }

        long position() {
            return complete == null ? 0 : complete.getIndex();
        }

        GapAwareTrackingToken completeToken() {
            return complete;
        }

        long completeEventsDone() {
            return completeEventsDone;
        }

        long completeEventsApplied() {
            return completeEventsApplied;
        }

        long eventsDone() {
            return eventsDone;
        }

        long eventsApplied() {
            return eventsApplied;
        }

        double rate() {
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            return seconds <= 0 ? 0 : (eventsDone - eventsDoneAtStart) / seconds;
        }

        boolean reportDue() {
            return System.nanoTime() - lastReport >= reportInterval;
        }

        void reported() {
            lastReport = System.nanoTime();
        }
    }
}
