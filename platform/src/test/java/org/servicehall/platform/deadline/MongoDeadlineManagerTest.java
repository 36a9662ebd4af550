package org.servicehall.platform.deadline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestClock;
import org.servicehall.platform.testing.TestMongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class MongoDeadlineManagerTest {

    /** A plain scope: what a deadline is about. */
    record Case(String id) implements ScopeDescriptor {

        @Override
        public String scopeDescription() {
            return "case " + id;
        }
    }

    /** A scope {@link Cases} cannot resolve. */
    record Elsewhere(String id) implements ScopeDescriptor {

        @Override
        public String scopeDescription() {
            return "elsewhere " + id;
        }
    }

    record Reminder(String note, long amountInFen) {
    }

    /** Receives the deadlines of every {@link Case}; fails while told to. */
    static final class Cases implements ScopeAware {

        final List<DeadlineMessage<?>> received = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> firings = new ConcurrentHashMap<>();
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public boolean canResolve(ScopeDescriptor scope) {
            return scope instanceof Case;
        }

        @Override
        public void send(Message<?> message, ScopeDescriptor scope) {
            calls.incrementAndGet();
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("the handler failed");
            }
            received.add((DeadlineMessage<?>) message);
            firings.computeIfAbsent(((Case) scope).id(), id -> new AtomicInteger()).incrementAndGet();
        }

        List<Object> payloads() {
            return received.stream().<Object>map(DeadlineMessage::getPayload).toList();
        }
    }

    private static final Instant NOW = Instant.parse("2026-03-09T01:00:00Z");

    private final TestMongo mongo = TestMongo.start();
    private final TestClock clock = new TestClock(NOW);
    private final Cases cases = new Cases();
    private final List<MongoDeadlineManager> managers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final MongoDeadlineManager deadlines = manager(builder -> builder);

    private MongoDeadlineManager manager(UnaryOperator<MongoDeadlineManager.Builder> settings) {
        MongoDeadlineManager manager = settings.apply(MongoDeadlineManager.builder()
                                                                          .database(mongo.database())
                                                                          .scopeAwareProvider(scope -> Stream.of(cases))
                                                                          .serializer(serializer)
                                                                          .clock(clock))
                                               .build();
        manager.ensureIndexes();
        managers.add(manager);
        return manager;
    }

    @AfterEach
    void close() {
        managers.forEach(MongoDeadlineManager::shutdown);
        clients.forEach(MongoClient::close);
        mongo.close();
    }

    private List<Document> stored() {
        return mongo.database().getCollection("deadlines").find().into(new ArrayList<>());
    }

    @Test
    void aDeadlineFiresWhenDueAndNotBeforeWithItsPayloadMetadataAndIdentifier() {
        Reminder reminder = new Reminder("call back", 1500);
        GenericDeadlineMessage<Reminder> scheduled =
                new GenericDeadlineMessage<>("callback", reminder, MetaData.with("staffId", "clerk-2"));
        deadlines.schedule(NOW.plus(Duration.ofHours(1)), "callback", scheduled, new Case("c-1"));

        assertThat(deadlines.fireDue()).isZero();
        clock.advance(Duration.ofMinutes(59));
        assertThat(deadlines.fireDue()).isZero();
        assertThat(cases.received).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(deadlines.fireDue()).isEqualTo(1);

        assertThat(cases.received).hasSize(1);
        DeadlineMessage<?> fired = cases.received.get(0);
        assertThat(fired.getDeadlineName()).isEqualTo("callback");
        assertThat(fired.getPayload()).isEqualTo(reminder);
        assertThat(fired.getMetaData()).containsEntry("staffId", "clerk-2");
        assertThat(fired.getIdentifier()).as("a repeat could be told apart").isEqualTo(scheduled.getIdentifier());
        assertThat(fired.getTimestamp()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(stored()).as("a fired deadline is deleted").isEmpty();
        assertThat(deadlines.fireDue()).isZero();
    }

    @Test
    void aStoredDeadlineReadsAsPlainJson() {
        String scheduleId = deadlines.schedule(NOW.plusSeconds(60), "callback", new Reminder("note", 7),
                                               new Case("c-1"));

        Document stored = stored().get(0);
        assertThat(stored.get("_id")).isEqualTo(scheduleId);
        assertThat(stored.getString("deadlineName")).isEqualTo("callback");
        assertThat(stored.get("scope", Document.class)).containsEntry("id", "c-1");
        assertThat(stored.getDate("triggerAt").toInstant()).isEqualTo(NOW.plusSeconds(60));
        Document message = stored.get("message", Document.class);
        assertThat(message.getString("payloadType")).isEqualTo(Reminder.class.getName());
        assertThat(message.get("payload", Document.class)).containsEntry("note", "note");
    }

    @Test
    void aDeadlineWithoutPayloadFires() {
        deadlines.schedule(NOW, "nudge", null, new Case("c-1"));

        deadlines.fireDue();

        assertThat(cases.received).hasSize(1);
        assertThat(cases.received.get(0).getPayload()).isNull();
    }

    @Test
    void cancellingByIdByNameAndWithinAScopeRemovesExactlyThoseDeadlines() {
        String byId = deadlines.schedule(NOW, "reply", new Reminder("by id", 1), new Case("c-1"));
        deadlines.schedule(NOW, "reply", new Reminder("kept: other id", 2), new Case("c-1"));
        deadlines.schedule(NOW, "warning", new Reminder("all warnings", 3), new Case("c-1"));
        deadlines.schedule(NOW, "warning", new Reminder("all warnings", 4), new Case("c-2"));
        deadlines.schedule(NOW, "callback", new Reminder("callbacks of c-1", 5), new Case("c-1"));
        deadlines.schedule(NOW, "callback", new Reminder("kept: callback of c-2", 6), new Case("c-2"));

        deadlines.cancelSchedule("other-name", byId);
        deadlines.cancelSchedule("reply", byId);
        deadlines.cancelAll("warning");
        deadlines.cancelAllWithinScope("callback", new Case("c-1"));
        deadlines.fireDue();

        assertThat(cases.payloads()).containsExactlyInAnyOrder(new Reminder("kept: other id", 2),
                                                               new Reminder("kept: callback of c-2", 6));
    }

    @Test
    void aDeadlineSurvivesARestartAndFiresOnTheNewInstance() {
        deadlines.schedule(NOW.plus(Duration.ofDays(1)), "reply", new Reminder("after restart", 1),
                           new Case("c-1"));
        deadlines.start();
        deadlines.shutdown();

        MongoClient client = MongoClients.create(mongo.connectionString());
        clients.add(client);
        String database = mongo.database().getName();
        MongoDeadlineManager restarted = manager(builder -> builder.database(client.getDatabase(database)));
        clock.advance(Duration.ofDays(1));
        restarted.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> cases.received.size() == 1);
        assertThat(cases.payloads()).containsExactly(new Reminder("after restart", 1));
        // The handler has run; the document goes right after it returns.
        await().atMost(Duration.ofSeconds(10)).until(() -> restarted.pending() == 0);
    }

    @Test
    void twoInstancesOnOneDatabaseFireEachDeadlineExactlyOnce() {
        int count = 500;
        IntStream.range(0, count).forEach(i -> deadlines.schedule(NOW.plusMillis(i), "reply",
                                                                  new Reminder("n", i), new Case("c-" + i)));
        MongoDeadlineManager first = manager(builder -> builder.pollInterval(Duration.ofMillis(5)));
        MongoDeadlineManager second = manager(builder -> builder.pollInterval(Duration.ofMillis(5)));
        clock.advance(Duration.ofSeconds(1));

        first.start();
        second.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> first.pending() == 0);
        first.shutdown();
        second.shutdown();
        assertThat(cases.firings).hasSize(count);
        assertThat(cases.firings.values()).allSatisfy(firings -> assertThat(firings.get()).isEqualTo(1));
        assertThat(cases.calls.get()).isEqualTo(count);
    }

    @Test
    void instancesRacingForTheSameDeadlinesClaimEachOnce() throws Exception {
        int count = 200;
        IntStream.range(0, count).forEach(i -> deadlines.schedule(NOW, "reply", null, new Case("c-" + i)));
        List<MongoDeadlineManager> racers = List.of(deadlines, manager(builder -> builder),
                                                    manager(builder -> builder), manager(builder -> builder));
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Integer>> claimed = racers.stream().map(racer -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return racer.fireDue();
        })).toList();
        start.countDown();

        int total = 0;
        for (CompletableFuture<Integer> each : claimed) {
            total += each.get(60, TimeUnit.SECONDS);
        }
        assertThat(total).isEqualTo(count);
        assertThat(cases.firings).hasSize(count);
        assertThat(cases.firings.values()).allSatisfy(firings -> assertThat(firings.get()).isEqualTo(1));
    }

    @Test
    void aFailingHandlerIsRetriedWithBackOffUntilItSucceeds() {
        cases.failuresLeft.set(2);
        deadlines.schedule(NOW, "reply", new Reminder("retried", 1), new Case("c-1"));

        assertThat(deadlines.fireDue()).isEqualTo(1);
        Document afterFirstFailure = stored().get(0);
        assertThat(afterFirstFailure.getInteger("attempts")).isEqualTo(1);
        assertThat(afterFirstFailure.getString("lastError")).contains("the handler failed");
        assertThat(afterFirstFailure.getDate("nextAttemptAt").toInstant()).isEqualTo(NOW.plusSeconds(2));
        assertThat(afterFirstFailure.containsKey("owner")).isFalse();

        assertThat(deadlines.fireDue()).as("not before the back-off").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(deadlines.fireDue()).isEqualTo(1);
        assertThat(stored().get(0).getDate("nextAttemptAt").toInstant()).isEqualTo(clock.instant().plusSeconds(4));
        clock.advance(Duration.ofSeconds(4));
        assertThat(deadlines.fireDue()).isEqualTo(1);

        assertThat(cases.calls.get()).isEqualTo(3);
        assertThat(cases.payloads()).containsExactly(new Reminder("retried", 1));
        assertThat(stored()).isEmpty();
    }

    @Test
    void aDeadlineThatKeepsFailingIsKeptAsFailedNotLost() {
        MongoDeadlineManager threeTries = manager(builder -> builder.maxAttempts(3));
        cases.failuresLeft.set(Integer.MAX_VALUE);
        threeTries.schedule(NOW, "reply", new Reminder("broken", 1), new Case("c-1"));

        for (int attempt = 0; attempt < 5; attempt++) {
            threeTries.fireDue();
            clock.advance(Duration.ofMinutes(10));
        }

        assertThat(cases.calls.get()).isEqualTo(3);
        Document failed = stored().get(0);
        assertThat(failed.getDate("failedAt")).isNotNull();
        assertThat(failed.containsKey("nextAttemptAt")).isFalse();
        assertThat(failed.getString("lastError")).contains("the handler failed");
        assertThat(threeTries.failed()).isEqualTo(1);
        assertThat(threeTries.pending()).isZero();
    }

    @Test
    void aDeadlineForAScopeNobodyHereResolvesIsRetriedNotDropped() {
        deadlines.schedule(NOW, "reply", null, new Elsewhere("e-1"));

        assertThat(deadlines.fireDue()).isEqualTo(1);

        assertThat(stored()).hasSize(1);
        assertThat(stored().get(0).getString("lastError")).contains("Nothing here can handle");
    }

    /** A unit of work whose commit fails after it prepared to commit, as when the event store refuses its events. */
    private static void failingCommit(Runnable work) {
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        work.run();
        unitOfWork.onPrepareCommit(prepared -> {
            throw new IllegalStateException("the event store refused the events");
        });
        assertThatThrownBy(unitOfWork::commit).hasMessageContaining("refused");
    }

    private static void committed(Runnable work) {
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        work.run();
        unitOfWork.commit();
    }

    private List<Object> storedIds() {
        return stored().stream().map(document -> document.get("_id")).toList();
    }

    @Test
    void insideAUnitOfWorkADeadlineIsStoredOnCommitAndRemovedOnRollback() {
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        String kept = deadlines.schedule(NOW, "reply", null, new Case("kept"));
        assertThat(stored()).as("not before the commit").isEmpty();
        unitOfWork.commit();

        failingCommit(() -> deadlines.schedule(NOW, "reply", null, new Case("rolled-back")));

        assertThat(storedIds()).containsExactly(kept);
    }

    @Test
    void insideAUnitOfWorkACancelTakesEffectOnlyOnceItCommitted() {
        String reply = deadlines.schedule(NOW, "reply", null, new Case("c-1"));

        failingCommit(() -> deadlines.cancelAllWithinScope("reply", new Case("c-1")));
        assertThat(storedIds()).as("a rejected command cancels nothing").containsExactly(reply);

        committed(() -> deadlines.cancelSchedule("reply", reply));
        assertThat(stored()).isEmpty();
    }

    @Test
    void cancellingThenSchedulingAgainInOneUnitOfWorkKeepsTheNewDeadline() {
        deadlines.schedule(NOW, "reply", null, new Case("c-1"));
        List<String> scheduled = new ArrayList<>();

        committed(() -> {
            scheduled.add(deadlines.schedule(NOW, "reply", null, new Case("c-1")));
            deadlines.cancelAll("reply");
            scheduled.add(deadlines.schedule(NOW, "reply", null, new Case("c-1")));
        });

        assertThat(storedIds()).as("only the one scheduled after the cancel").containsExactly(scheduled.get(1));
    }

    @Test
    void shutdownLetsADeadlineBeingFiredFinish() throws Exception {
        CountDownLatch firing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MongoDeadlineManager slow = MongoDeadlineManager.builder()
                                                        .database(mongo.database())
                                                        .serializer(serializer)
                                                        .clock(clock)
                                                        .scopeAwareProvider(scope -> Stream.of(new ScopeAware() {
                                                            @Override
                                                            public boolean canResolve(ScopeDescriptor s) {
                                                                return true;
                                                            }

                                                            @Override
                                                            public void send(Message<?> m, ScopeDescriptor s)
                                                                    throws Exception {
                                                                firing.countDown();
                                                                release.await();
                                                            }
                                                        }))
                                                        .build();
        managers.add(slow);
        slow.schedule(NOW, "reply", null, new Case("c-1"));
        slow.schedule(NOW, "reply", null, new Case("c-2"));
        slow.start();
        assertThat(firing.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(slow::shutdown);
        // Release the handler only once shutdown has begun, or the poller would rightly go on to the next deadline.
        await().atMost(Duration.ofSeconds(10)).until(() -> !slow.isPolling());
        release.countDown();
        shutdown.get(20, TimeUnit.SECONDS);

        assertThat(stored()).as("the one being fired finished and was deleted; the other waits untouched")
                            .singleElement()
                            .satisfies(waiting -> assertThat(waiting.getInteger("attempts")).isZero());
    }
}
