package org.servicehall.platform.eventstore;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several writers append concurrently while a streaming processor reads; two of them stall three times the gap
 * timeout, one inside its unit of work before committing, one between reserving its position and inserting. Every
 * event must reach the processor exactly once and in per-aggregate order.
 */
class CompletenessTest {

    record Happened(String aggregate, long sequence) {
    }

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration STALL = GAP_TIMEOUT.multipliedBy(3);
    private static final int WRITERS = 4;
    private static final int COMMITS_PER_WRITER = 40;

    private final StallingListener stalls = new StallingListener();
    private final TestMongo mongo = TestMongo.start(stalls);
    private final SequencedEventStorageEngine engine = SequencedEventStorageEngine
            .builder()
            .database(mongo.database())
            .gapTimeout(GAP_TIMEOUT)
            .eventSerializer(JacksonSerializer.defaultSerializer())
            .snapshotSerializer(JacksonSerializer.defaultSerializer())
            .build();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    private final Queue<EventMessage<?>> delivered = new ConcurrentLinkedQueue<>();
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS + 2);
    private PooledStreamingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        writers.shutdownNow();
        eventStore.shutDown();
        mongo.close();
    }

    @Test
    void everyEventReachesTheProjectionExactlyOnceInPerAggregateOrder() throws Exception {
        engine.ensureIndexes();
        processor = PooledStreamingEventProcessor
                .builder()
                .name("completeness")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                              .eventHandlers(
                                                                      (org.axonframework.eventhandling.EventMessageHandler) event -> {
                                                                          delivered.add(event);
                                                                          return null;
                                                                      })
                                                              .build())
                .messageSource(eventStore)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newScheduledThreadPool(2))
                .initialSegmentCount(4)
                .build();
        processor.start();

        List<Future<?>> running = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            String prefix = "writer-" + writer + "-";
            running.add(writers.submit(() -> {
                for (int commit = 0; commit < COMMITS_PER_WRITER; commit++) {
                    String aggregate = prefix + (commit % 5);
                    commitInUnitOfWork(aggregate, commit / 5, 2, Duration.ZERO);
                }
            }));
        }
        // Stalls while holding its events, before the unit of work commits.
        running.add(writers.submit(() -> commitInUnitOfWork("stalled-in-unit-of-work", 0, 3, STALL)));
        // Stalls after its position was reserved, before the insert reaches the server.
        stalls.stallNextInsertOf("stalled-in-insert", STALL);
        running.add(writers.submit(() -> commitInUnitOfWork("stalled-in-insert", 0, 3, Duration.ZERO)));
        for (Future<?> writer : running) {
            writer.get(60, TimeUnit.SECONDS);
        }

        int expected = WRITERS * COMMITS_PER_WRITER * 2 + 3 + 3;
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= expected);
        Thread.sleep(GAP_TIMEOUT.toMillis()); // would a duplicate still arrive?

        assertThat(delivered).hasSize(expected);
        assertThat(delivered.stream().map(EventMessage::getIdentifier).distinct().count()).isEqualTo(expected);
        Map<String, List<Long>> sequencesByAggregate = new ConcurrentHashMap<>();
        for (EventMessage<?> event : delivered) {
            DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
            sequencesByAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), a -> new ArrayList<>())
                                .add(domainEvent.getSequenceNumber());
        }
        sequencesByAggregate.forEach((aggregate, sequences) -> assertThat(sequences)
                .as("events of %s in the order they were delivered", aggregate)
                .isSorted()
                .doesNotHaveDuplicates()
                .startsWith(0L));
        assertThat(sequencesByAggregate.get("stalled-in-unit-of-work")).containsExactly(0L, 1L, 2L);
        assertThat(sequencesByAggregate.get("stalled-in-insert")).containsExactly(0L, 1L, 2L);
        assertThat(engine.gapStatistics().lateAppends()).as("the insert stalled past the gap timeout").isEqualTo(1);
        assertThat(engine.gapStatistics().fenced()).isEqualTo(1);
        assertThat(engine.readEvents(null, false).count()).isEqualTo(expected);
    }

    /** One unit of work appending {@code count} events to {@code aggregate}, starting at sequence {@code from}. */
    private void commitInUnitOfWork(String aggregate, long batch, int count, Duration stallBeforeCommit) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            for (int i = 0; i < count; i++) {
                long sequence = batch * count + i;
                eventStore.publish(new GenericDomainEventMessage<>("Test", aggregate, sequence,
                                                                   new Happened(aggregate, sequence)));
            }
            Thread.sleep(stallBeforeCommit.toMillis());
            unitOfWork.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unitOfWork.rollback(e);
        }
    }

    @SuppressWarnings("unused")
    private String describe() {
        return delivered.stream().map(e -> e.getPayload().toString()).collect(Collectors.joining("\n"));
    }
}
