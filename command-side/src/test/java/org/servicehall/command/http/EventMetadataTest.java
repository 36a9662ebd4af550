package org.servicehall.command.http;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.api.MetadataKeys.CAUSATION_ID;
import static org.servicehall.api.MetadataKeys.CLIENT_ID;
import static org.servicehall.api.MetadataKeys.CORRELATION_ID;
import static org.servicehall.api.MetadataKeys.HALL_ID;
import static org.servicehall.api.MetadataKeys.OCCURRED_AT;
import static org.servicehall.api.MetadataKeys.STAFF_ID;
import static org.servicehall.api.MetadataKeys.TRACE_ID;

/** Every stored event says who did it, in which hall, through which client, in which request and when it happened. */
@CommandSideTest
@Import(ApiTestHooks.class)
class EventMetadataTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void storedEventsCarryTheRequestsMetadataWithTheBodyWinningOverTheHeaders() {
        Instant walkedIn = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String startCorrelation = UUID.randomUUID().toString();
        ResponseEntity<Map> started = api.post("/api/visits", "{\"hallId\": \"dalian-01\"}",
                                               "X-Correlation-Id", startCorrelation,
                                               "X-Occurred-At", walkedIn.atOffset(ZoneOffset.ofHours(8)).toString(),
                                               "X-Hall-Id", "not-this-hall");
        String id = (String) started.getBody().get("id");
        Instant beforeGreeting = Instant.now();
        ResponseEntity<Map> greeted = api.post("/api/visits/" + id + "/greeting", Api.greeting("guide-7"),
                                               "X-Hall-Id", "dalian-01", "X-Staff-Id", "not-this-guide");
        Instant afterGreeting = Instant.now();

        assertThat(started.getHeaders().getFirst("X-Correlation-Id")).isEqualTo(startCorrelation);
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
        MetaData visitStarted = events.get(0).getMetaData();
        assertThat(visitStarted).as("the client whose key signed in").containsEntry(CLIENT_ID, "test-ticket-machine")
                                .containsEntry(HALL_ID, "dalian-01")
                                .containsEntry(CORRELATION_ID, startCorrelation)
                                .containsEntry(OCCURRED_AT, walkedIn.toString())
                                .doesNotContainKey(STAFF_ID);
        assertThat(visitStarted.get(TRACE_ID)).as("the command: caused it and started the chain")
                                              .isEqualTo(visitStarted.get(CAUSATION_ID)).isNotNull();
        assertThat(events.get(0).getTimestamp()).as("recorded when it arrived, not when it happened")
                                                .isAfter(walkedIn.plus(59, ChronoUnit.MINUTES));

        String greetingCorrelation = greeted.getHeaders().getFirst("X-Correlation-Id");
        assertThat(UUID.fromString(greetingCorrelation)).as("generated when absent").isNotNull();
        MetaData customerGreeted = events.get(1).getMetaData();
        assertThat(customerGreeted).containsEntry(CLIENT_ID, "test-guide-tablet")
                                   .containsEntry(STAFF_ID, "guide-7")
                                   .containsEntry(HALL_ID, "dalian-01")
                                   .containsEntry(CORRELATION_ID, greetingCorrelation);
        assertThat(customerGreeted.get(TRACE_ID)).isNotEqualTo(visitStarted.get(TRACE_ID))
                                                 .isNotEqualTo(greetingCorrelation);
        assertThat(customerGreeted.get(CAUSATION_ID)).isEqualTo(customerGreeted.get(TRACE_ID));
        assertThat(Instant.parse((String) customerGreeted.get(OCCURRED_AT)))
                .as("without X-Occurred-At: when the request arrived")
                .isBetween(beforeGreeting.truncatedTo(ChronoUnit.MILLIS), afterGreeting);
        assertThat(customerGreeted.keySet()).as("nothing else, in particular not the expected version")
                                            .containsExactlyInAnyOrder(CLIENT_ID, STAFF_ID, HALL_ID, CORRELATION_ID,
                                                                       CAUSATION_ID, TRACE_ID, OCCURRED_AT);
    }

    @Test
    void aStepThatNamesNoHallIsRecordedInTheHallTheAggregateWasOpenedIn() {
        String id = (String) api.post("/api/visits", "{\"hallId\": \"dalian-01\"}").getBody().get("id");

        api.post("/api/visits/" + id + "/greeting", Api.greeting("guide-7"));
        api.post("/api/visits/" + id + "/see-off", Api.seeOff("clerk-2"), "X-Hall-Id", "dalian-02");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
        assertThat(events).extracting(event -> event.getMetaData().get(HALL_ID))
                          .as("started, greeted without X-Hall-Id, seen off with it")
                          .containsExactly("dalian-01", "dalian-01", "dalian-02");
    }

    @Test
    void refusalsEchoTheCorrelationIdToo() {
        String correlationId = UUID.randomUUID().toString();

        ResponseEntity<Map> refused = api.post("/api/visits", "{}", "X-Correlation-Id", correlationId);
        ResponseEntity<Map> refusedByAFilter = api.post("/api/visits", "{\"hallId\": \"h\"}",
                                                        "X-Hall-Id", "not a hall", "X-Correlation-Id", correlationId);
        ResponseEntity<Map> refusedBySignIn = api.post("/api/visits", "{\"hallId\": \"h\"}",
                                                       Api.API_KEY, null, "X-Correlation-Id", correlationId);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getFirst("X-Correlation-Id")).isEqualTo(correlationId);
        assertThat(refusedByAFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusedByAFilter.getHeaders().getFirst("X-Correlation-Id")).isEqualTo(correlationId);
        assertThat(refusedBySignIn.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refusedBySignIn.getHeaders().getFirst("X-Correlation-Id")).isEqualTo(correlationId);
    }
}
