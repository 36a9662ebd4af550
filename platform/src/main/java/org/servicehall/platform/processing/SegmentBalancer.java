package org.servicehall.platform.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.servicehall.platform.HallProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares each pooled streaming processor's segments fairly among the instances of a side. Axon's pooled streaming
 * processor claims whatever is unclaimed, up to what its {@link MaxSegmentProvider} allows, and gives up segments
 * above that allowance on its own (every {@code tokenClaimInterval}), but knows nothing of other instances; this is
 * the allowance. Each instance heartbeats into the collection {@value #COLLECTION} (its id, its side, and per
 * processor running here the segments it holds) and reads the others' heartbeats; from those it computes its
 * {@link FairShare} per processor. So a new instance gets its share within a heartbeat and a claim interval, and the
 * instances left take over the share of one that stops (it removes its heartbeat and releases its claims) or dies (its
 * heartbeat counts no more after {@code instanceTimeout}, its claims expire after {@code claimTimeout}).
 * <p>
 * A segment moves between batches: the coordinator aborts a released segment's work package, which finishes the
 * batch it is in and stores its token, and only then releases the claim; the next owner starts from that token, so
 * nothing is applied twice. After a death the next owner starts from the last stored token and repeats what the dead
 * one had applied since, which the views ignore (each handler is idempotent per aggregate sequence or event id). A
 * read waiting for a position ({@code ViewPositions}) judges a segment that left this instance by its stored token,
 * which never runs ahead of what was applied.
 * <p>
 * Why not Axon's own: without Axon Server, Axon 4 has no balancing across instances, only the allowance and
 * {@code releaseSegment}. Times are the instances' clocks, as in Axon's token store, whose claim timeouts assume the
 * same.
 */
public final class SegmentBalancer implements MaxSegmentProvider, SmartLifecycle {

    static final String COLLECTION = "processor_instances";
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final ProcessorInstance instance;
    private final MongoDatabaseFactory mongo;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<TokenStore> tokenStore;
    private final HallProperties.Processors settings;
    private final Clock clock;
    private volatile Map<String, StreamingEventProcessor> processors = Map.of();
    private volatile Heartbeats heartbeats;
    private ScheduledExecutorService scheduler;

    public SegmentBalancer(ProcessorInstance instance, MongoDatabaseFactory mongo,
                           ObjectProvider<EventProcessingConfiguration> processing,
                           ObjectProvider<TokenStore> tokenStore, HallProperties.Processors settings, Clock clock) {
        this.instance = instance;
        this.mongo = mongo;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The allowance of {@code processorName} on this instance; asked by its coordinator before it claims or gives up
     * segments. Until the first heartbeats are read there is no one to share with, so there is no limit.
     */
    @Override
    public int getMaxSegments(String processorName) {
        Heartbeats known = heartbeats;
        StreamingEventProcessor processor = processors.get(processorName);
        if (known == null || processor == null) {
            return Short.MAX_VALUE;
        }
        return shareOf(processorName, processor, known).limitFor(instance.id());
    }

    private FairShare shareOf(String processorName, StreamingEventProcessor processor, Heartbeats known) {
        Map<String, Integer> held = new HashMap<>();
        known.others().forEach((id, holdings) -> {
            List<Integer> segments = holdings.get(processorName);
            if (segments != null) {
                held.put(id, segments.size());
            }
        });
        held.put(instance.id(), processor.processingStatus().size());
        List<String> sortedNames = new ArrayList<>(new TreeSet<>(processors.keySet()));
        return new FairShare(known.segments().getOrDefault(processorName, settings.segments()),
                             new ArrayList<>(new TreeSet<>(held.keySet())), held, sortedNames.indexOf(processorName));
    }

    /**
     * For health: per processor, its segments, this instance's share and allowance, and which live instance holds
     * which segments.
     */
    public Map<String, Object> split() {
        Heartbeats known = heartbeats;
        Map<String, Object> result = new TreeMap<>();
        processors.forEach((name, processor) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            List<Integer> mine = new ArrayList<>(new TreeSet<>(processor.processingStatus().keySet()));
            Map<String, List<Integer>> byInstance = new TreeMap<>();
            byInstance.put(instance.id(), mine);
            if (known != null) {
                known.others().forEach((id, holdings) -> {
                    if (holdings.containsKey(name)) {
                        byInstance.put(id, holdings.get(name));
                    }
                });
                FairShare share = shareOf(name, processor, known);
                entry.put("segments", share.segments());
                entry.put("share", share.shareOf(instance.id()));
                entry.put("allowance", share.limitFor(instance.id()));
            }
            entry.put("held", mine);
            entry.put("byInstance", byInstance);
            result.put(name, entry);
        });
        return result;
    }

    public String instanceId() {
        return instance.id();
    }

    /** One heartbeat: this instance's holdings written, everyone's read. Runs on the scheduler's one thread. */
    void beat() {
        try {
            if (processors.isEmpty()) {
                processors = pooledProcessors();
                if (processors.isEmpty()) {
                    return;  // nothing to share (the command side): no heartbeat either
                }
            }
            Instant now = clock.instant();
            List<Document> holdings = new ArrayList<>();
            processors.forEach((name, processor) -> {
                // an instance whose processor is stopped or failing could not take segments: it does not count
                if (processor.isRunning() && !processor.isError()) {
                    holdings.add(new Document("name", name).append("segments", new ArrayList<>(
                            new TreeSet<>(processor.processingStatus().keySet()))));
                }
            });
            MongoCollection<Document> collection = collection();
            collection.replaceOne(Filters.eq("_id", instance.id()),
                                  new Document("_id", instance.id()).append("application", instance.application())
                                                                    .append("heartbeatAt", Date.from(now))
                                                                    .append("processors", holdings),
                                  new ReplaceOptions().upsert(true));
            Instant liveSince = now.minus(settings.instanceTimeout());
            Map<String, Map<String, List<Integer>>> others = new HashMap<>();
            List<Object> expired = new ArrayList<>();
            for (Document heartbeat : collection.find(Filters.eq("application", instance.application()))) {
                Object id = heartbeat.get("_id");
                Instant at = heartbeat.getDate("heartbeatAt").toInstant();
                if (at.isBefore(now.minus(settings.instanceTimeout().multipliedBy(10)))) {
                    expired.add(id);
                } else if (!instance.id().equals(id) && at.isAfter(liveSince)) {
                    others.put(String.valueOf(id), holdingsOf(heartbeat));
                }
            }
            if (!expired.isEmpty()) {
                collection.deleteMany(Filters.in("_id", expired));
            }
            Map<String, Integer> segments = new HashMap<>();
            processors.keySet().forEach(name -> {
                int count = tokenStore.getObject().fetchSegments(name).length;
                if (count > 0) {
                    segments.put(name, count);
                }
            });
            heartbeats = new Heartbeats(others, segments);
        } catch (RuntimeException e) {
            // the next beat tries again; until then the last known shares hold
            log.warn("Processor heartbeat of {} failed: {}", instance.id(), e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Integer>> holdingsOf(Document heartbeat) {
        Map<String, List<Integer>> holdings = new HashMap<>();
        for (Document processor : heartbeat.getList("processors", Document.class, List.of())) {
            holdings.put(processor.getString("name"), List.copyOf((List<Integer>) processor.get("segments")));
        }
        return holdings;
    }

    private Map<String, StreamingEventProcessor> pooledProcessors() {
        Map<String, StreamingEventProcessor> found = new HashMap<>();
        processing.getObject().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof PooledStreamingEventProcessor pooled) {
                found.put(name, pooled);
            }
        });
        return Map.copyOf(found);
    }

    private MongoCollection<Document> collection() {
        return mongo.getMongoDatabase().getCollection(COLLECTION);
    }

    // ---------------------------------------------------------------- lifecycle: before the processors, after them

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::beat, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Its processors have stopped and released their segments by now: the others may take them at once. */
    @Override
    public void stop() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            collection().deleteOne(Filters.eq("_id", instance.id()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not remove the processor heartbeat of {} (it expires): {}", instance.id(), e.toString());
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Axon's configuration, processors included, starts in a later phase and stops in an earlier one. */
    @Override
    public int getPhase() {
        return 0;
    }

    /** The others' holdings (live instances of this side only) and each processor's segment count. */
    private record Heartbeats(Map<String, Map<String, List<Integer>>> others, Map<String, Integer> segments) {
    }
}
