package org.servicehall.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.MetadataKeys;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.personaldata.TestVault;
import org.servicehall.platform.signin.TestSignIn;
import org.servicehall.query.HallClient;
import org.servicehall.platform.testing.TestMongo;
import org.servicehall.query.QuerySideApplication;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The export holds one window in memory however long the range: 200,000 events (about 150 MB of NDJSON) are exported
 * by a query side running in a JVM of its own with a 64 MB heap. Were the range held, it would run out of memory and
 * exit ({@code ExitOnOutOfMemoryError}), and the test fail on the broken stream, naming the error; the heap in use
 * after full collections is sampled while it streams and must stay clear of the limit. A client that hangs up stops
 * the walk.
 * <p>
 * The events are appended through the event store before the query side starts, and its processors' tokens are put
 * at the head: they handle none of these events, and catching up on 200,000 of them would need a heap of its own.
 */
class HistoryExportMemoryTest {

    private static final int VISITS = 25_000;
    private static final int EVENTS_PER_VISIT = 8;
    private static final int EVENTS = VISITS * EVENTS_PER_VISIT;
    /** Writers appending at once, as several command-side threads do. */
    private static final int WRITERS = 4;
    private static final String HEAP = "64m";
    private static final long HEAP_BYTES = 64L << 20;
    /** What the heap may hold after a full collection while the export streams: the query side at rest and a window. */
    private static final long LIVE_BOUND = HEAP_BYTES * 7 / 8;
    private static final String POSITION = "{\"position\":";
    /** HTTP Basic for the development user who may read histories. */
    private static final String COMPLIANCE = HallClient.authorization("compliance");
    /** The metrics are for admins. */
    private static final String ADMIN = HallClient.authorization("admin");
    private static final Pattern STOPPED = Pattern.compile("stopped after (\\d+) events: the client went away");

    /** A hall event of a usual size: ids, staff, a counter and a line of text. */
    record CounterVisited(String visitId, String hallId, String staffId, String counter, int step, String note) {
    }

    private final TestMongo mongo = TestMongo.start();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path log = TestMongo.temporaryDirectory().resolve("query-side.log");
    private Process querySide;

    @AfterEach
    void stop() throws InterruptedException {
        if (querySide != null) {
            // Nothing of it is needed any more: no graceful shutdown.
            querySide.destroyForcibly();
            querySide.waitFor();
        }
        mongo.close();
    }

    @Test
    void twoHundredThousandEventsAreExportedThroughASmallHeapAndAHangUpStopsTheWalk() throws Exception {
        Instant from = Instant.now();
        long seedStarted = System.nanoTime();
        long head = append();
        long seedMillis = (System.nanoTime() - seedStarted) / 1_000_000;
        Instant to = Instant.now().plusMillis(1);
        List<String> processors = processorsAtHead(head);
        int port = freePort();
        querySide = startQuerySide(port);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> running() && healthy(port));
        String export = "/api/history/export?from=" + encoded(from) + "&to=" + encoded(to);

        HeapSampler heap = new HeapSampler(port);
        heap.start();
        long started = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        long lastPosition = 0;
        JsonNode lastLine = null;
        try {
            HttpResponse<InputStream> response = http.send(request(port, export).build(),
                                                           HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                                                                                  StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    bytes += line.length() + 1;
                    long position = position(line);
                    assertThat(position).as("line %d in global order", lines).isGreaterThanOrEqualTo(lastPosition);
                    lastPosition = position;
                    if (lines == EVENTS) {
                        lastLine = json.readTree(line);
                    }
                }
            }
        } catch (IOException e) {
            // The stream broke off: say why if the query side died (of running out of memory, say).
            querySide.waitFor(10, TimeUnit.SECONDS);
            running();
            throw e;
        }
        long exportMillis = (System.nanoTime() - started) / 1_000_000;
        heap.stop();

        assertThat(running()).as("the query side did not run out of memory").isTrue();
        assertThat(lines).isEqualTo(EVENTS);
        assertThat(lastLine.get("position").asLong()).isEqualTo(head);
        assertThat(lastLine.get("type").asText()).isEqualTo("CounterVisited");
        assertThat(lastLine.get("sequence").asLong()).isEqualTo(EVENTS_PER_VISIT - 1);
        assertThat(lastLine.get("metadata").get(MetadataKeys.HALL_ID).asText()).startsWith("hall-");
        assertThat(bytes).as("the export is several times the query side's whole heap").isGreaterThan(2 * HEAP_BYTES);
        assertThat(heap.samples()).as("heap samples while it streamed").isGreaterThanOrEqualTo(10);
        assertThat(heap.maxLive()).as("the heap in use after a collection: one window, not the range")
                                  .isPositive().isLessThan(LIVE_BOUND);
        assertThat(processorsReached(head, processors))
                .as("no processor replayed the seeded events beside the export").isTrue();
        System.out.printf("[history export] seeded %,d events in %,d ms; exported them (%,d MB of NDJSON) in %,d ms "
                                  + "(%,d events/s) through -Xmx%s; heap used at most %,d MB, after a collection at "
                                  + "most %,d MB (%d samples)%n",
                          EVENTS, seedMillis, bytes >> 20, exportMillis, lines * 1000 / exportMillis, HEAP,
                          heap.maxUsed() >> 20, heap.maxLive() >> 20, heap.samples());

        long stoppedAt = hangUpAfter(port, export, 1_000);
        assertThat(stoppedAt).as("the walk stopped soon after the client went away").isLessThan(EVENTS / 2);
    }

    /**
     * Appends the visits straight through the event store, a visit's eight events in one commit (one append is one
     * commit, as one unit of work is), several visits at a time; answers the head.
     */
    private long append() throws Exception {
        SequencedEventStorageEngine engine = SequencedEventStorageEngine.builder()
                                                                        .database(mongo.database())
                                                                        .eventSerializer(
                                                                                JacksonSerializer.defaultSerializer())
                                                                        .snapshotSerializer(
                                                                                JacksonSerializer.defaultSerializer())
                                                                        .build();
        engine.ensureIndexes();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int first = writer;
                appends.add(writers.submit(() -> {
                    for (int visit = first; visit < VISITS; visit += WRITERS) {
                        engine.appendEvents(visit(visit));
                    }
                }));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        } finally {
            writers.shutdownNow();
        }
        return engine.headPosition();
    }

    private static List<DomainEventMessage<?>> visit(int visit) {
        String id = UUID.randomUUID().toString();
        String hall = "hall-" + (visit % 20);
        String staff = "clerk-" + (visit % 40);
        List<DomainEventMessage<?>> events = new ArrayList<>(EVENTS_PER_VISIT);
        for (int step = 0; step < EVENTS_PER_VISIT; step++) {
            events.add(new GenericDomainEventMessage<>(
                    "Visit", id, step,
                    new CounterVisited(id, hall, staff, Integer.toString(visit % 12), step,
                                       "Step " + step + " of visit " + visit + " at the counter, as usual"),
                    MetaData.with(MetadataKeys.HALL_ID, hall).and(MetadataKeys.STAFF_ID, staff)
                            .and(MetadataKeys.CLIENT_ID, "counter-terminal-" + (visit % 12))
                            .and(MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString())
                            .and(MetadataKeys.OCCURRED_AT, Instant.now().toString())));
        }
        return events;
    }

    /**
     * Stores every processor's token at the head, as if the views had seen the seeded events (they handle none of
     * them): the export then runs in a query side at rest, not beside a dozen processors catching up, which would need
     * a heap of their own. Answers the processors: the query side's processing groups.
     */
    private List<String> processorsAtHead(long head) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        List<String> processors = scanner.findCandidateComponents(QuerySideApplication.class.getPackageName())
                                         .stream()
                                         .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(),
                                                                                       null))
                                         .map(type -> type.getAnnotation(ProcessingGroup.class).value())
                                         .distinct()
                                         .toList();
        TokenStore tokens = MongoTokenStore.builder()
                                           .mongoTemplate(DefaultMongoTemplate.builder()
                                                                              .mongoDatabase(mongo.database())
                                                                              .build())
                                           .serializer(JacksonSerializer.defaultSerializer())
                                           .contentType(String.class)
                                           .build();
        processors.forEach(processor -> tokens.initializeTokenSegments(
                processor, 1, GapAwareTrackingToken.newInstance(head, List.of())));
        return processors;
    }

    /** Whether the processors' tokens, and no others, are at the position (a processor left out would be behind). */
    private boolean processorsReached(long position, List<String> processors) throws IOException {
        List<Document> tokens = mongo.database().getCollection("trackingtokens").find().into(new ArrayList<>());
        for (Document token : tokens) {
            Object data = token.get("token");
            String text = data instanceof Binary binary ? new String(binary.getData(), StandardCharsets.UTF_8)
                    : String.valueOf(data);
            JsonNode index = data == null ? null : json.readTree(text).get("index");
            if (index == null || index.asLong() < position) {
                return false;
            }
        }
        return tokens.size() == processors.size();
    }

    /** Whether the query side still runs; an error with the end of its log once it has exited. */
    private boolean running() throws IOException {
        if (!querySide.isAlive()) {
            List<String> output = Files.readAllLines(log);
            throw new AssertionError("The query side exited with " + querySide.exitValue() + ":\n"
                                     + String.join("\n", output.subList(Math.max(0, output.size() - 20),
                                                                         output.size())));
        }
        return true;
    }

    /** The position an export line starts with, without parsing the whole line. */
    private static long position(String line) {
        assertThat(line).startsWith(POSITION);
        return Long.parseLong(line.substring(POSITION.length(), line.indexOf(',')));
    }

    private Process startQuerySide(int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                       "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
                                       // Its live data size is then measured after each full collection.
                                       "-XX:+UseSerialGC",
                                       "-cp", System.getProperty("java.class.path"),
                                       QuerySideApplication.class.getName(),
                                       "--" + TestVault.MASTER_KEY_PROPERTY,
                                       "--server.port=" + port,
                                       "--hall.processors.segments=1",
                                       // Axon's capacity metric keeps every message of the last 10 minutes per
                                       // processor: its processors' catching up would fill a small heap with it.
                                       "--axon.metrics.auto-configuration.enabled=false"));
        command.addAll(TestSignIn.arguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the connection string holds the embedded server's password: not on a command line others can see
        builder.environment().put("MONGODB_URI", mongo.connectionString());
        return builder.start();
    }

    /**
     * Reads the first lines of an export over a plain socket, hangs up, and answers after how many events the query
     * side says it stopped.
     */
    private long hangUpAfter(int port, String export, int lines) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + export + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + COMPLIANCE
                       + "\r\nConnection: close\r\n\r\n")
                              .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                                                             StandardCharsets.UTF_8));
            int seen = 0;
            String line;
            while (seen < lines && (line = reader.readLine()) != null) {
                if (line.startsWith(POSITION)) {
                    seen++;
                }
            }
        }
        AtomicLong stoppedAt = new AtomicLong(-1);
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            Matcher matcher = STOPPED.matcher(Files.readString(log));
            if (matcher.find()) {
                stoppedAt.set(Long.parseLong(matcher.group(1)));
            }
            return stoppedAt.get() >= 0;
        });
        return stoppedAt.get();
    }

    private HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                          .header("Authorization", path.startsWith("/actuator/metrics") ? ADMIN : COMPLIANCE);
    }

    private boolean healthy(int port) {
        try {
            return http.send(request(port, "/actuator/health").build(), HttpResponse.BodyHandlers.discarding())
                       .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String encoded(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    /** Samples the query side's heap through its metrics endpoint while the export runs. */
    private final class HeapSampler {

        private final int port;
        private final AtomicLong maxUsed = new AtomicLong();
        private final AtomicLong maxLive = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

        HeapSampler(int port) {
            this.port = port;
        }

        void start() {
            scheduler.scheduleWithFixedDelay(() -> {
                metric("jvm.memory.used?tag=area:heap").ifPresent(used -> {
                    maxUsed.accumulateAndGet(used, Math::max);
                    samples.incrementAndGet();
                });
                metric("jvm.gc.live.data.size").ifPresent(live -> maxLive.accumulateAndGet(live, Math::max));
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            scheduler.shutdown();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }

        long maxUsed() {
            return maxUsed.get();
        }

        long maxLive() {
            return maxLive.get();
        }

        long samples() {
            return samples.get();
        }

        private Optional<Long> metric(String name) {
            try {
                HttpResponse<String> response = http.send(request(port, "/actuator/metrics/" + name).build(),
                                                          HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return Optional.empty();
                }
                return Optional.of(json.readTree(response.body()).get("measurements").get(0).get("value")
                                                 .asLong());
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
