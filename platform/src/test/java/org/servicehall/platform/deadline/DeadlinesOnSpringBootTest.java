package org.servicehall.platform.deadline;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.deadline.Ticket.CloseTicket;
import org.servicehall.platform.deadline.Ticket.OpenTicket;
import org.servicehall.platform.deadline.Ticket.TicketOpened;
import org.servicehall.platform.deadline.Ticket.TicketReminded;
import org.servicehall.platform.personaldata.TestVault;
import org.servicehall.platform.testing.TestMongo;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's auto-configuration end to end, in real time: Axon hands aggregates the MongoDB deadline manager, a
 * deadline survives a restart of the side that scheduled it, and two instances of a side fire each deadline once.
 */
class DeadlinesOnSpringBootTest {

    /** A side with one aggregate that uses deadlines. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Ticket.class)
    static class TicketSide {
    }

    /** A side without aggregates or sagas, like the query side. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class SideWithoutAggregates {
    }

    private final TestMongo mongo = TestMongo.start();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(ConfigurableApplicationContext::close);
        mongo.close();
    }

    private ConfigurableApplicationContext start(Class<?> side, String name) {
        return start(side, name, "100ms");
    }

    private ConfigurableApplicationContext start(Class<?> side, String name, String pollInterval) {
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(side).web(WebApplicationType.NONE)
                                                  .run("--hall.mongodb.uri=" + mongo.connectionString(),
                                                       "--" + TestVault.MASTER_KEY_PROPERTY,
                                                       "--hall.deadlines.poll-interval=" + pollInterval,
                                                       "--spring.application.name=" + name);
        contexts.add(context);
        return context;
    }

    private static List<Object> events(ConfigurableApplicationContext side, String ticketId) {
        return side.getBean(EventStore.class).readEvents(ticketId).asStream()
                   .<Object>map(EventMessage::getPayload).toList();
    }

    /** A ticket whose reminder falls {@code reminderIn} from now (its overdue deadline an hour later). */
    private static OpenTicket ticketRemindedIn(String ticketId, Duration reminderIn) {
        return new OpenTicket(ticketId, Instant.now().plus(reminderIn).plus(Ticket.REMINDER_BEFORE));
    }

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterIt() {
        // It polls once as it starts, then not for an hour: the reminder cannot fire before the restart.
        ConfigurableApplicationContext before = start(TicketSide.class, "before", "1h");
        assertThat(before.getBean(Configuration.class).deadlineManager()).isInstanceOf(MongoDeadlineManager.class);
        assertThat(before.getBean(MongoDeadlineManager.class).isPolling()).isTrue();
        OpenTicket ticket = ticketRemindedIn("t-1", Duration.ofSeconds(2));
        before.getBean(CommandGateway.class).sendAndWait(ticket);
        before.close();
        assertThat(mongo.database().getCollection("deadlines").countDocuments())
                .as("the reminder is pending while no instance runs").isEqualTo(1);

        ConfigurableApplicationContext after = start(TicketSide.class, "after");

        await().atMost(Duration.ofSeconds(30))
               .until(() -> events(after, "t-1").size() == 2);
        assertThat(events(after, "t-1")).containsExactly(new TicketOpened("t-1", ticket.dueAt()),
                                                         new TicketReminded("t-1"));
        assertThat(after.getBean(MongoDeadlineManager.class).pending()).as("the overdue deadline").isEqualTo(1);

        after.getBean(CommandGateway.class).sendAndWait(new CloseTicket("t-1"));
        assertThat(after.getBean(MongoDeadlineManager.class).pending()).as("cancelled within the ticket's scope")
                                                                      .isZero();
    }

    @Test
    void twoInstancesOfASideFireEachDeadlineOnce() {
        ConfigurableApplicationContext first = start(TicketSide.class, "first");
        ConfigurableApplicationContext second = start(TicketSide.class, "second");
        List<String> tickets = IntStream.range(0, 40).mapToObj(i -> "t-" + i).toList();
        tickets.forEach(id -> first.getBean(CommandGateway.class)
                                   .sendAndWait(ticketRemindedIn(id, Duration.ofSeconds(1))));

        MongoDeadlineManager deadlines = second.getBean(MongoDeadlineManager.class);
        await().atMost(Duration.ofSeconds(60))
               .until(() -> deadlines.pending() == tickets.size()
                       && tickets.stream().allMatch(id -> events(second, id).size() >= 2));

        assertThat(tickets).allSatisfy(id -> assertThat(events(first, id)).hasSize(2).last()
                                                                           .isEqualTo(new TicketReminded(id)));
    }

    @Test
    void aSideWithoutAggregatesOrSagasDoesNotFireDeadlines() {
        ConfigurableApplicationContext side = start(SideWithoutAggregates.class, "views");

        assertThat(side.getBean(MongoDeadlineManager.class).isPolling()).isFalse();
    }
}
