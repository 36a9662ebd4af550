package org.servicehall.query.rebuild;

import org.servicehall.api.RuleViolation;
import org.servicehall.query.support.ViewGenerations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts rebuilds and shares them out among the query-side instances.
 * <p>
 * A request marks each view it rebuilds as held by its rebuild (in the view's generation document, so one rebuild per
 * view at a time, across instances) and stores the rebuild as pending. Every instance looks for held views every
 * {@code poll-interval} and claims a rebuild that waits, or one whose owner's claim has lapsed (the owner died: the
 * rebuild goes on from its last stored progress), as long as it runs fewer than {@code concurrency}. A stopping
 * instance hands its rebuilds back at once.
 */
@Component
class Rebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final RebuildStore store;
    private final ViewGenerations generations;
    private final ViewRebuilder rebuilder;
    private final RebuildProperties properties;
    /** This instance, as owner of claims: unique also for several applications in one JVM (tests, the launcher). */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private ExecutorService workers;

    Rebuilds(RebuildStore store, ViewGenerations generations, ViewRebuilder rebuilder, RebuildProperties properties) {
        this.store = store;
        this.generations = generations;
        this.rebuilder = rebuilder;
        this.properties = properties;
    }

    /** The views that can be rebuilt, in alphabetical order. */
    List<String> views() {
        return generations.views().keySet().stream().sorted().toList();
    }

    /**
     * Requests a rebuild of each view, all or none.
     *
     * @throws RuleViolation if one of them is being rebuilt already
     */
    List<RebuildDocument> request(List<String> views) {
        Instant now = Instant.now();
        Map<String, String> held = new LinkedHashMap<>();
        try {
            for (String view : views) {
                String id = UUID.randomUUID().toString();
                if (!generations.lock(view, id, now)) {
                    throw inProgress(view, views.size() > 1);
                }
                held.put(view, id);
            }
            List<RebuildDocument> requested = new ArrayList<>();
            for (Map.Entry<String, String> view : held.entrySet()) {
                RebuildDocument rebuild = RebuildDocument.requested(view.getValue(), view.getKey(),
                                                                    generations.storedActive(view.getKey()), now);
                store.create(rebuild);
                requested.add(rebuild);
            }
            held.clear();
            pollSoon();
            return requested;
        } finally {
            held.forEach(generations::unlock);
        }
    }

    Optional<RebuildDocument> find(String id) {
        return store.find(id);
    }

    List<RebuildDocument> recent() {
        return store.recent();
    }

    private RuleViolation inProgress(String view, boolean several) {
        String holder = generations.locks().stream().filter(lock -> lock.view().equals(view))
                                   .map(ViewGenerations.Lock::rebuildId).findFirst().orElse("that just ended");
        return new RuleViolation("rebuild-in-progress", "View " + view + " is being rebuilt (rebuild " + holder
                + "); a new rebuild of it can start once that one has ended" + (several ? ". Nothing was started."
                : ""));
    }

    private void pollSoon() {
        ScheduledExecutorService current = poller;
        if (current != null && !current.isShutdown()) {
            current.execute(this::poll);
        }
    }

    /** Runs on the poller's one thread only. */
    private void poll() {
        try {
            Instant now = Instant.now();
            for (ViewGenerations.Lock lock : generations.locks()) {
                if (running.contains(lock.rebuildId())) {
                    continue;
                }
                Optional<RebuildDocument> rebuild = store.find(lock.rebuildId());
                if (rebuild.isEmpty()) {
                    // a request that died between holding the view and storing its rebuild
                    if (lock.since().isBefore(now.minus(properties.claimTimeout()))) {
                        generations.unlock(lock.view(), lock.rebuildId());
                    }
                } else if (rebuild.get().status().finished()) {
                    // its instance died between finishing and letting go of the view
                    generations.unlock(lock.view(), lock.rebuildId());
                } else if (running.size() < properties.concurrency()) {
                    store.claim(lock.rebuildId(), owner, now, now.plus(properties.claimTimeout()))
                         .ifPresent(this::run);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Looking for rebuilds to run failed; trying again in {}", properties.pollInterval(), e);
        }
    }

    private void run(RebuildDocument claimed) {
        running.add(claimed.id());
        workers.execute(() -> {
            try {
                rebuilder.run(claimed, owner);
            } finally {
                running.remove(claimed.id());
                pollSoon();
            }
        });
    }

    @Override
    public synchronized void start() {
        workers = Executors.newFixedThreadPool(properties.concurrency(), task -> daemon(task, "view-rebuild-"));
        poller = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "view-rebuild-poller-"));
        poller.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts running rebuilds, which hand their claims back, so another instance goes on at once. */
    @Override
    public synchronized void stop() {
        poller.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Rebuilds still running at shutdown: other instances take them over after the claim "
                                 + "timeout ({})", properties.claimTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller = null;
        workers = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
