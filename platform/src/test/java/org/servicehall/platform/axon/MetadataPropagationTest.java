package org.servicehall.platform.axon;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.MetadataKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The request's metadata reaches events applied later by a deadline handler and by a command a saga sends, with the
 * platform's correlation data providers and {@link DeadlineCorrelation} wired as {@code AxonConfiguration} wires them.
 */
class MetadataPropagationTest {

    private static final Map<String, String> REQUEST = Map.of(MetadataKeys.STAFF_ID, "clerk-02",
                                                              MetadataKeys.HALL_ID, "dalian-01",
                                                              MetadataKeys.CLIENT_ID, "counter-terminal-3",
                                                              MetadataKeys.CORRELATION_ID, "request-42",
                                                              MetadataKeys.OCCURRED_AT, "2026-11-28T01:00:00Z");

    private Configuration axon;

    record OpenTicket(@TargetAggregateIdentifier String ticketId) {
    }

    record NoteTicket(@TargetAggregateIdentifier String ticketId) {
    }

    record TicketOpened(String ticketId) {
    }

    record TicketNoted(String ticketId) {
    }

    record TicketExpired(String ticketId) {
    }

    static class Ticket {

        @AggregateIdentifier
        private String ticketId;

        Ticket() {
        }

        @CommandHandler
        Ticket(OpenTicket command, DeadlineManager deadlines) {
            apply(new TicketOpened(command.ticketId()));
            deadlines.schedule(Duration.ofMillis(200), "expire");
        }

        @CommandHandler
        void handle(NoteTicket command) {
            apply(new TicketNoted(ticketId));
        }

        @DeadlineHandler(deadlineName = "expire")
        void expire() {
            apply(new TicketExpired(ticketId));
        }

        @EventSourcingHandler
        void on(TicketOpened event) {
            ticketId = event.ticketId();
        }
    }

    public static class TicketSaga {

        @StartSaga
        @SagaEventHandler(associationProperty = "ticketId")
        public void on(TicketOpened event, CommandGateway commands) {
            commands.send(new NoteTicket(event.ticketId()));
        }
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void eventsAppliedByADeadlineHandlerOrForASagaCarryTheRequestsMetadata() {
        axon = start(true);
        String commandId = open("t-1");

        await().atMost(Duration.ofSeconds(20)).until(() -> events("t-1").size() == 3);
        Map<String, DomainEventMessage<?>> byType = byType(events("t-1"));
        MetaData opened = byType.get("TicketOpened").getMetaData();
        MetaData noted = byType.get("TicketNoted").getMetaData();
        MetaData expired = byType.get("TicketExpired").getMetaData();

        assertThat(opened).containsAllEntriesOf(REQUEST).containsEntry(MetadataKeys.TRACE_ID, commandId)
                          .containsEntry(MetadataKeys.CAUSATION_ID, commandId);
        assertThat(noted).containsAllEntriesOf(REQUEST).containsEntry(MetadataKeys.TRACE_ID, commandId);
        assertThat(noted.get(MetadataKeys.CAUSATION_ID)).as("the saga's command").isNotEqualTo(commandId);

        assertThat(expired).containsEntry(MetadataKeys.STAFF_ID, "clerk-02")
                           .containsEntry(MetadataKeys.HALL_ID, "dalian-01")
                           .containsEntry(MetadataKeys.CLIENT_ID, "counter-terminal-3")
                           .containsEntry(MetadataKeys.CORRELATION_ID, "request-42")
                           .containsEntry(MetadataKeys.TRACE_ID, commandId);
        assertThat(expired.get(MetadataKeys.CAUSATION_ID)).as("the deadline").isNotEqualTo(commandId).isNotNull();
        assertThat(Instant.parse((String) expired.get(MetadataKeys.OCCURRED_AT)))
                .as("when the deadline fired, not when the ticket was opened")
                .isAfter(Instant.parse(REQUEST.get(MetadataKeys.OCCURRED_AT)))
                .isBeforeOrEqualTo(byType.get("TicketExpired").getTimestamp());
    }

    @Test
    void withoutDeadlineCorrelationAxonLeavesTheMetadataOffEventsOfDeadlineHandlers() {
        axon = start(false);
        open("t-2");

        await().atMost(Duration.ofSeconds(20)).until(() -> events("t-2").size() == 3);

        assertThat(byType(events("t-2")).get("TicketExpired").getMetaData()).doesNotContainKeys(
                MetadataKeys.STAFF_ID, MetadataKeys.CORRELATION_ID, MetadataKeys.TRACE_ID);
    }

    private static Configuration start(boolean deadlineCorrelation) {
        List<CorrelationDataProvider> providers = List.of(
                new MessageOriginProvider(MetadataKeys.CAUSATION_ID, MetadataKeys.TRACE_ID),
                new HallCorrelationDataProvider());
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                                                 .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                                                 .configureAggregate(Ticket.class)
                                                 .configureCorrelationDataProviders(c -> providers);
        // A saga's processor starts at the head by default and, started late, would miss the ticket opened.
        TrackingEventProcessorConfiguration fromTheStart =
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                   .andInitialTrackingToken(StreamableMessageSource::createTailToken);
        configurer.eventProcessing(processing -> processing
                .registerSaga(TicketSaga.class)
                .registerTrackingEventProcessor("TicketSagaProcessor", Configuration::eventStore, c -> fromTheStart));
        if (deadlineCorrelation) {
            configurer.registerHandlerEnhancerDefinition(c -> new DeadlineCorrelation(providers));
        }
        return configurer.start();
    }

    private String open(String ticketId) {
        var command = GenericCommandMessage.asCommandMessage(new OpenTicket(ticketId)).andMetaData(REQUEST);
        axon.commandGateway().sendAndWait(command);
        return command.getIdentifier();
    }

    private List<? extends DomainEventMessage<?>> events(String ticketId) {
        return axon.eventStore().readEvents(ticketId).asStream().toList();
    }

    private static Map<String, DomainEventMessage<?>> byType(List<? extends DomainEventMessage<?>> events) {
        return Map.of(events.get(0).getPayloadType().getSimpleName(), events.get(0),
                      events.get(1).getPayloadType().getSimpleName(), events.get(1),
                      events.get(2).getPayloadType().getSimpleName(), events.get(2));
    }
}
