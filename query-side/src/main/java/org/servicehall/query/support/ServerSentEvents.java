package org.servicehall.query.support;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Streams an Axon subscription query to an HTTP client as Server-Sent Events: the query's current result as an event
 * named {@code initial}, then every update as an event named {@code update}, both as JSON in {@code data}, and a
 * comment ({@code : heartbeat}) when nothing else was sent for a while.
 * <pre>
 * &#64;GetMapping(path = "/{hall}/board", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
 * ResponseEntity&lt;SseEmitter&gt; follow(&#64;PathVariable String hall) {
 *     return events.stream(new FindBoard(hall), ResponseTypes.instanceOf(Board.class), Board.class, null);
 * }
 * // in the projection, after each change:  updates.emit(FindBoard.class, query -&gt; query.hall().equals(hall), board);
 * </pre>
 * Updates are meant to be the whole view again, not a difference: then a client that missed one is right after the
 * next, and a stream re-reads its view every {@code hall.query.sse.resync} and sends it when it differs from what it
 * sent last. That is how a client connected to one instance follows changes that another instance's processor made
 * ({@code QueryUpdateEmitter} only reaches subscribers in its own JVM). A stream ends when the client goes away (noticed
 * at the next send, at the latest the next heartbeat), after {@code hall.query.sse.timeout} (the browser's
 * {@code EventSource} then reconnects and gets the current view), or when the application stops; each end cancels the
 * subscription.
 */
@Component
public class ServerSentEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServerSentEvents.class);

    private final QueryGateway queries;
    private final QueryProperties.Sse settings;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService scheduler;

    ServerSentEvents(QueryGateway queries, QueryProperties properties) {
        this.queries = queries;
        this.settings = properties.sse();
    }

    /**
     * Subscribes to {@code query} and streams it.
     *
     * @param initialType the query handler's result type, e.g. {@code ResponseTypes.optionalInstanceOf(View.class)};
     *                    an empty {@code Optional} sends no {@code initial} event
     * @param updateType  what the projection emits
     * @param whenAbsent  if not null, thrown (before the stream starts, so the client gets a plain error response)
     *                    when the initial result is empty
     */
    public <I, U> ResponseEntity<SseEmitter> stream(Object query, ResponseType<I> initialType, Class<U> updateType,
                                                     Supplier<? extends RuntimeException> whenAbsent) {
        ScheduledExecutorService running = scheduler;
        if (running == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The query side is stopping");
        }
        SubscriptionQueryResult<I, U> subscription =
                queries.subscriptionQuery(query, initialType, ResponseTypes.instanceOf(updateType));
        Optional<?> initial;
        try {
            initial = present(subscription.initialResult().block());
        } catch (RuntimeException e) {
            subscription.cancel();
            throw e;
        }
        if (initial.isEmpty() && whenAbsent != null) {
            subscription.cancel();
            throw whenAbsent.get();
        }
        Stream stream = new Stream(new SseEmitter(settings.timeout().toMillis()), subscription);
        open.add(stream);
        initial.ifPresent(view -> stream.send("initial", view, false));
        stream.follow(subscription, () -> queries.query(query, initialType).join(), updateType, running);
        return ResponseEntity.ok()
                             .contentType(MediaType.TEXT_EVENT_STREAM)
                             .cacheControl(CacheControl.noCache())
                             // nginx and similar proxies would otherwise buffer the stream
                             .header("X-Accel-Buffering", "no")
                             .body(stream.emitter);
    }

    /** How many streams are open on this instance. */
    public int openStreams() {
        return open.size();
    }

    private static Optional<?> present(Object result) {
        return result instanceof Optional<?> optional ? optional : Optional.ofNullable(result);
    }

    private final class Stream {

        private final SseEmitter emitter;
        private final SubscriptionQueryResult<?, ?> subscription;
        private final AtomicLong sent = new AtomicLong();
        private volatile Object lastView;
        private volatile long lastSentAt = System.nanoTime();
        private volatile Disposable updates;
        private volatile ScheduledFuture<?> heartbeats;
        private volatile ScheduledFuture<?> resyncs;
        private volatile boolean closed;

        Stream(SseEmitter emitter, SubscriptionQueryResult<?, ?> subscription) {
            this.emitter = emitter;
            this.subscription = subscription;
            emitter.onCompletion(this::close);
            emitter.onTimeout(this::end);
            emitter.onError(error -> close());
        }

        <U> void follow(SubscriptionQueryResult<?, U> result, Supplier<Object> reread, Class<U> updateType,
                        ScheduledExecutorService scheduler) {
            // Updates are emitted on the event processor's thread: writing to a slow client must not hold it up.
            updates = result.updates().publishOn(Schedulers.boundedElastic())
                            .subscribe(update -> send("update", update, true), this::end, this::end);
            long heartbeat = settings.heartbeat().toMillis();
            long resync = settings.resync().toMillis();
            try {
                heartbeats = scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat,
                                                              TimeUnit.MILLISECONDS);
                if (resync > 0) {
                    resyncs = scheduler.scheduleWithFixedDelay(() -> resync(reread, updateType), resync, resync,
                                                               TimeUnit.MILLISECONDS);
                }
            } catch (RejectedExecutionException stopping) {
                end();
            }
        }

        /** Sends the view again if it changed, unless something was sent while it was read (which is newer). */
        private void resync(Supplier<Object> reread, Class<?> updateType) {
            try {
                long before = sent.get();
                Optional<?> view = present(reread.get());
                if (view.isPresent() && updateType.isInstance(view.get())) {
                    send("update", view.get(), true, before);
                }
            } catch (RuntimeException e) {
                log.debug("Re-reading a streamed view failed; the next try may succeed", e);
            }
        }

        private void heartbeat() {
            if (System.nanoTime() - lastSentAt >= settings.heartbeat().toNanos() / 2) {
                synchronized (this) {
                    write(SseEmitter.event().comment("heartbeat"));
                }
            }
        }

        void send(String name, Object view, boolean onlyIfChanged) {
            send(name, view, onlyIfChanged, -1);
        }

        private synchronized void send(String name, Object view, boolean onlyIfChanged, long unlessSentSince) {
            if (closed || (onlyIfChanged && Objects.equals(view, lastView))
                    || (unlessSentSince >= 0 && sent.get() != unlessSentSince)) {
                return;
            }
            if (write(SseEmitter.event().name(name).data(view, MediaType.APPLICATION_JSON))) {
                lastView = view;
                sent.incrementAndGet();
            }
        }

        private boolean write(SseEmitter.SseEventBuilder event) {
            if (closed) {
                return false;
            }
            try {
                emitter.send(event);
                lastSentAt = System.nanoTime();
                return true;
            } catch (IOException | IllegalStateException e) {
                // the client went away: stop following
                end(null);
                return false;
            }
        }

        void end(Throwable error) {
            close();
            try {
                if (error == null) {
                    emitter.complete();
                } else {
                    emitter.completeWithError(error);
                }
            } catch (RuntimeException e) {
                // already completed
            }
        }

        void end() {
            end(null);
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            open.remove(this);
            subscription.cancel();
            if (updates != null) {
                updates.dispose();
            }
            if (heartbeats != null) {
                heartbeats.cancel(false);
            }
            if (resyncs != null) {
                resyncs.cancel(false);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @Override
    public void start() {
        scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "server-sent-events");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Ends every stream, so a graceful shutdown does not wait for clients that would never hang up. */
    @Override
    public void stop() {
        ScheduledExecutorService stopping = scheduler;
        scheduler = null;
        open.forEach(Stream::end);
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) starts waiting for requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
