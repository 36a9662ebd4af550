package org.servicehall.query;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.personaldata.TestVault;
import org.servicehall.platform.processing.SegmentBalancer;
import org.servicehall.platform.signin.TestSignIn;
import org.servicehall.platform.testing.TestMongo;
import org.servicehall.query.support.ViewPositions;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-side instances on one database share every processor's segments: a second instance takes over half of
 * them within seconds, the first takes all of them back when the second stops, and when one is killed (SIGKILL, so
 * its claims are left behind) once they time out. Events keep coming while segments move, and every view ends
 * complete: each event applied once.
 */
class SegmentSharingTest {

    private static final int SEGMENTS = 4;
    /** Quicker than the defaults (5s, 2s, 10s, 10s), so the test waits less; the mechanism is the same. */
    private static final List<String> QUICK = List.of("--hall.processors.token-claim-interval=1s",
                                                      "--hall.processors.heartbeat-interval=500ms",
                                                      "--hall.processors.instance-timeout=4s",
                                                      "--hall.processors.claim-timeout=4s");
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final TestMongo mongo = TestMongo.start();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Integer> eventsPerVisit = new HashMap<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        contexts.forEach(ConfigurableApplicationContext::close);
        mongo.close();
    }

    @Test
    void instancesShareTheSegmentsAndTakeOverThoseOfAnInstanceThatStopsOrDies() throws Exception {
        ConfigurableApplicationContext first = start();
        String a = instanceId(first);
        await().atMost(PATIENCE).until(() -> processorNames(first).size() >= 9);
        Set<String> processors = processorNames(first);
        visits(first, 30);
        await().atMost(PATIENCE).until(() -> everyProcessorSplit(processors, Map.of(a, SEGMENTS)));

        // a second instance comes, while events keep coming
        ConfigurableApplicationContext second = start();
        String b = instanceId(second);
        Instant joined = Instant.now();
        visits(first, 30);
        await().atMost(PATIENCE).until(() -> everyProcessorSplit(processors, Map.of(a, SEGMENTS / 2, b, SEGMENTS / 2)));
        Duration toSplit = Duration.between(joined, Instant.now());
        // each instance's health tells the same (once its coordinators have started the work packages they claimed)
        await().atMost(PATIENCE).until(() -> holdsHalf(first) && holdsHalf(second));
        visits(second, 30);

        // it stops: the first takes everything back
        Instant stopped = Instant.now();
        second.close();
        contexts.remove(second);
        await().atMost(PATIENCE).until(() -> everyProcessorSplit(processors, Map.of(a, SEGMENTS)));
        Duration toTakeBack = Duration.between(stopped, Instant.now());
        visits(first, 30);

        // a third one, in a JVM of its own, takes its half and is killed with SIGKILL: its claims stay behind
        Process third = startProcess();
        String c = "query-side@" + third.pid() + "@";
        await().atMost(PATIENCE).until(() -> everyProcessorSplit(processors, Map.of(a, SEGMENTS / 2, c, SEGMENTS / 2)));
        visits(first, 30);
        third.destroyForcibly().waitFor();
        Instant killed = Instant.now();
        await().atMost(PATIENCE).until(() -> everyProcessorSplit(processors, Map.of(a, SEGMENTS)));
        Duration toTakeOver = Duration.between(killed, Instant.now());
        System.out.printf("Segments split %s after a second instance came, taken back %s after it stopped, taken "
                          + "over %s after one was killed%n", toSplit, toTakeBack, toTakeOver);

        long head = first.getBean(SequencedEventStorageEngine.class).headPosition();
        assertThat(first.getBean(ViewPositions.class).await(head, PATIENCE, processors)).isTrue();
        assertViewsComplete();
    }

    /** Each visit in the timeline and the summaries exactly once, with each of its events applied exactly once. */
    private void assertViewsComplete() {
        Map<String, Integer> timelines = new TreeMap<>();
        for (Document timeline : mongo.database().getCollection("visit_timelines").find()) {
            List<Document> entries = timeline.getList("entries", Document.class);
            assertThat(entries.stream().map(entry -> entry.getString("eventId")).distinct()).hasSize(entries.size());
            timelines.put(timeline.getString("_id"), entries.size());
        }
        Map<String, Integer> summaries = new TreeMap<>();
        for (Document summary : mongo.database().getCollection("visit_summaries").find()) {
            List<String> eventIds = summary.getList("eventIds", String.class);
            assertThat(Set.copyOf(eventIds)).hasSize(eventIds.size());
            summaries.put(summary.getString("_id"), eventIds.size());
        }
        assertThat(timelines).isEqualTo(new TreeMap<>(eventsPerVisit));
        assertThat(summaries).isEqualTo(new TreeMap<>(eventsPerVisit));
    }

    /**
     * Whether every processor's segments are claimed as {@code expected} says: owners (or the start of their ids)
     * and how many segments each holds, and no segment unclaimed.
     */
    private boolean everyProcessorSplit(Set<String> processors, Map<String, Integer> expected) {
        Map<String, Map<String, Integer>> claims = new TreeMap<>();
        for (Document token : mongo.database().getCollection("trackingtokens").find()) {
            String owner = token.getString("owner");
            String processor = token.getString("processorName");
            String holder = owner == null ? "(unclaimed)" : expected.keySet().stream().filter(owner::startsWith)
                                                                     .findFirst().orElse(owner);
            claims.computeIfAbsent(processor, p -> new TreeMap<>()).merge(holder, 1, Integer::sum);
        }
        return claims.keySet().containsAll(processors)
               && processors.stream().allMatch(processor -> claims.get(processor).equals(new TreeMap<>(expected)));
    }

    private ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                                                         "--hall.mongodb.uri=" + mongo.connectionString(),
                                                         "--" + TestVault.MASTER_KEY_PROPERTY));
        arguments.addAll(QUICK);
        arguments.addAll(TestSignIn.arguments());
        ConfigurableApplicationContext context = QuerySideApplication.application()
                                                                     .run(arguments.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    /** A query side in a JVM of its own; the connection string (with its credentials) goes by the environment. */
    private Process startProcess() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), QuerySideApplication.class.getName(),
                "--server.port=0"));
        command.addAll(QUICK);
        command.addAll(TestSignIn.arguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                                                            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("MONGODB_URI", mongo.connectionString());
        builder.environment().put("HALL_PERSONAL_DATA_MASTER_KEY", TestVault.MASTER_KEY);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static boolean holdsHalf(ConfigurableApplicationContext context) {
        return heldHere(context).values().stream().allMatch(held -> held.size() == SEGMENTS / 2);
    }

    private static String instanceId(ConfigurableApplicationContext context) {
        return context.getBean(SegmentBalancer.class).instanceId();
    }

    private static Set<String> processorNames(ConfigurableApplicationContext context) {
        return heldHere(context).keySet();
    }

    /** The segments this instance holds per processor, as its health says. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Integer>> heldHere(ConfigurableApplicationContext context) {
        HealthIndicator health = context.getBean("processorsHealthIndicator", HealthIndicator.class);
        Map<String, Map<String, Object>> processors =
                (Map<String, Map<String, Object>>) health.health().getDetails().get("processors");
        Map<String, List<Integer>> held = new TreeMap<>();
        processors.forEach((name, details) -> held.put(name, (List<Integer>) details.get("held")));
        return held;
    }

    private final AtomicInteger visitCount = new AtomicInteger();

    /** Visits of four events each (started, greeted, called, seen off), stored through {@code context}. */
    private void visits(ConfigurableApplicationContext context, int count) {
        EventStore eventStore = context.getBean(EventStore.class);
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            Instant at = Instant.parse("2026-11-28T01:00:00Z").plusSeconds(visitCount.incrementAndGet());
            publish(eventStore, id, 0, at, new VisitStarted(id, "hall-1"),
                    new CustomerGreeted(id, "guide-7", false, false, false, false));
            publish(eventStore, id, 2, at.plusSeconds(60), new CounterCalled(id, "clerk-2", "3", null),
                    new CustomerSeenOff(id, "clerk-2", true));
            eventsPerVisit.put(id, 4);
        }
    }

    private static void publish(EventStore eventStore, String visit, long firstSequence, Instant at,
                                Object... payloads) {
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>("Visit", visit, firstSequence + events.size(), payload,
                                                       MetaData.with(MetadataKeys.OCCURRED_AT, at.toString())));
        }
        eventStore.publish(events);
    }
}
