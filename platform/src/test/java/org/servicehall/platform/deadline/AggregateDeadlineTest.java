package org.servicehall.platform.deadline;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.deadline.Ticket.CloseTicket;
import org.servicehall.platform.deadline.Ticket.OpenTicket;
import org.servicehall.platform.deadline.Ticket.PostponeTicket;
import org.servicehall.platform.deadline.Ticket.TicketClosed;
import org.servicehall.platform.deadline.Ticket.TicketOpened;
import org.servicehall.platform.deadline.Ticket.TicketOverdue;
import org.servicehall.platform.deadline.Ticket.TicketReminded;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.testing.TestClock;
import org.servicehall.platform.testing.TestMongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deadlines scheduled by an event-sourced aggregate and fired back into it ({@link Ticket}: reminded, then overdue,
 * unless closed), on a plain Axon configuration with a clock the test moves.
 */
class AggregateDeadlineTest {

    private static final Instant NOW = Instant.parse("2026-03-09T02:00:00Z");

    private final TestMongo mongo = TestMongo.start();
    private final TestClock clock = new TestClock(NOW);
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final List<Configuration> running = new ArrayList<>();

    private Configuration start() {
        SequencedEventStorageEngine engine = SequencedEventStorageEngine.builder()
                                                                        .database(mongo.database())
                                                                        .eventSerializer(serializer)
                                                                        .snapshotSerializer(serializer)
                                                                        .build();
        engine.ensureIndexes();
        Configuration configuration =
                DefaultConfigurer.defaultConfiguration()
                                 .configureSerializer(c -> serializer)
                                 .configureEmbeddedEventStore(c -> engine)
                                 .configureAggregate(Ticket.class)
                                 .configureDeadlineManager(c -> MongoDeadlineManager.builder()
                                                                                    .database(mongo.database())
                                                                                    .scopeAwareProvider(
                                                                                            c.scopeAwareProvider())
                                                                                    .serializer(serializer)
                                                                                    .clock(clock)
                                                                                    .build())
                                 .buildConfiguration();
        configuration.start();
        running.add(configuration);
        return configuration;
    }

    @AfterEach
    void stop() {
        running.forEach(Configuration::shutdown);
        mongo.close();
    }

    private static MongoDeadlineManager deadlines(Configuration configuration) {
        return (MongoDeadlineManager) configuration.deadlineManager();
    }

    private List<Object> events(Configuration configuration, String ticketId) {
        return configuration.eventStore().readEvents(ticketId).asStream()
                            .<Object>map(EventMessage::getPayload).toList();
    }

    @Test
    void theAggregateIsRemindedWhenDueThenMarkedOverdue() {
        Configuration axon = start();
        Instant dueAt = NOW.plus(Duration.ofDays(1));
        axon.commandGateway().sendAndWait(new OpenTicket("t-1", dueAt));

        clock.advance(Duration.ofHours(22));
        assertThat(deadlines(axon).fireDue()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(deadlines(axon).fireDue()).isEqualTo(1);
        assertThat(events(axon, "t-1")).containsExactly(new TicketOpened("t-1", dueAt), new TicketReminded("t-1"));

        clock.advance(Duration.ofHours(1));
        assertThat(deadlines(axon).fireDue()).isEqualTo(1);
        assertThat(events(axon, "t-1")).containsExactly(new TicketOpened("t-1", dueAt), new TicketReminded("t-1"),
                                                        new TicketOverdue("t-1", dueAt));
        assertThat(deadlines(axon).pending()).isZero();
    }

    @Test
    void closingTheAggregateCancelsItsDeadlinesButNotOthers() {
        Configuration axon = start();
        Instant dueAt = NOW.plus(Duration.ofDays(1));
        axon.commandGateway().sendAndWait(new OpenTicket("t-1", dueAt));
        axon.commandGateway().sendAndWait(new OpenTicket("t-2", dueAt));

        axon.commandGateway().sendAndWait(new CloseTicket("t-1"));
        clock.advance(Duration.ofDays(2));
        deadlines(axon).fireDue();
        deadlines(axon).fireDue();

        assertThat(events(axon, "t-1")).containsExactly(new TicketOpened("t-1", dueAt), new TicketClosed("t-1"));
        assertThat(events(axon, "t-2")).containsExactly(new TicketOpened("t-2", dueAt), new TicketReminded("t-2"),
                                                        new TicketOverdue("t-2", dueAt));
    }

    /**
     * A deadline is stored as the unit of work prepares to commit, after an existing aggregate applied its events (a
     * new one publishes them only once its constructor returned): one that cannot be stored (a date past what MongoDB
     * holds) fails the command, and its events must not be stored either, nor its cancellations done.
     */
    @Test
    void aCommandWhoseDeadlineCannotBeStoredRecordsNothing() {
        Configuration axon = start();
        Instant dueAt = NOW.plus(Duration.ofDays(1));
        axon.commandGateway().sendAndWait(new OpenTicket("t-1", dueAt));
        long stored = mongo.database().getCollection("events").countDocuments();
        Instant beyondMongoDates = Instant.parse("+999999999-12-31T23:59:59Z");

        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new PostponeTicket("t-1", beyondMongoDates)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(events(axon, "t-1")).containsExactly(new TicketOpened("t-1", dueAt));
        assertThat(mongo.database().getCollection("events").countDocuments()).isEqualTo(stored);
        assertThat(deadlines(axon).pending()).as("the reminder scheduled at the opening").isEqualTo(1);
        axon.commandGateway().sendAndWait(new PostponeTicket("t-1", dueAt.plus(Duration.ofDays(1))));
        assertThat(events(axon, "t-1")).hasSize(2);
    }

    @Test
    void aDeadlineScheduledBeforeARestartFiresIntoTheAggregateAfterIt() {
        Configuration before = start();
        Instant dueAt = NOW.plus(Duration.ofHours(3));
        before.commandGateway().sendAndWait(new OpenTicket("t-1", dueAt));
        before.shutdown();
        running.remove(before);

        Configuration after = start();
        clock.advance(Duration.ofHours(2));
        assertThat(deadlines(after).fireDue()).isEqualTo(1);

        assertThat(events(after, "t-1")).containsExactly(new TicketOpened("t-1", dueAt), new TicketReminded("t-1"));
    }
}
