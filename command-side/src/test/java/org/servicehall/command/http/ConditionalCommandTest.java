package org.servicehall.command.http;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code If-Match} makes a command conditional on the aggregate's version; a second writer makes the later 409. */
@CommandSideTest
@Import(ApiTestHooks.class)
class ConditionalCommandTest {

    private static final String GREETING = Api.greeting("guide-7");
    /** The need may be identified again and again (routing may not), so this test can repeat it. */
    private static final String NEED = "{\"staffId\": \"guide-7\", \"businessType\": \"BILLING_INQUIRY\"}";

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    ApiTestHooks.CommandHooks hooks;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aFreshVersionSucceedsAndAStaleOneIsAPreconditionFailure() {
        ResponseEntity<Map> created = api.post("/api/visits", "{\"hallId\": \"hall-1\"}");
        String id = (String) created.getBody().get("id");
        String need = "/api/visits/" + id + "/need";

        ResponseEntity<Map> greeted = api.post("/api/visits/" + id + "/greeting", GREETING,
                                               "If-Match", created.getHeaders().getETag());
        ResponseEntity<Map> stale = api.post(need, NEED, "If-Match", created.getHeaders().getETag());
        ResponseEntity<Map> ahead = api.post(need, NEED, "If-Match", "\"7\"");
        ResponseEntity<Map> fresh = api.post(need, NEED, "If-Match", greeted.getHeaders().getETag());
        ResponseEntity<Map> unquoted = api.post(need, NEED, "If-Match", "2");
        ResponseEntity<Map> any = api.post(need, NEED, "If-Match", "*");

        assertThat(greeted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stale.getBody()).containsEntry("expectedVersion", 0).containsEntry("currentVersion", 1);
        assertThat(ahead.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(fresh.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fresh.getBody()).containsEntry("version", 2);
        assertThat(unquoted.getBody()).containsEntry("version", 3);
        assertThat(any.getBody()).containsEntry("version", 4);
        assertThat(eventStore.readEvents(id).asStream().count()).as("the refused commands recorded nothing")
                                                              .isEqualTo(5);
    }

    @Test
    void aStaleVersionIsReportedBeforeABrokenRule() {
        String id = api.startVisit();
        api.post("/api/visits/" + id + "/greeting", GREETING);

        ResponseEntity<Map> stale = api.post("/api/visits/" + id + "/greeting", GREETING, "If-Match", "\"0\"");
        ResponseEntity<Map> current = api.post("/api/visits/" + id + "/greeting", GREETING, "If-Match", "\"1\"");

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(current.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(current.getBody()).containsEntry("rule", "customer-already-greeted");
    }

    @Test
    void creatingWithIfMatchIsAPreconditionFailure() {
        ResponseEntity<Map> response = api.post("/api/visits", "{\"hallId\": \"hall-1\"}", "If-Match", "\"0\"");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
    }

    @Test
    void whenAnotherWriterCommitsFirstTheLaterCommandIsAConflictAndRecordsNothing() {
        String id = api.startVisit();
        String correlationId = UUID.randomUUID().toString();
        hooks.anotherWriterOn(id, correlationId);

        ResponseEntity<Map> response = api.post("/api/visits/" + id + "/greeting", GREETING,
                                                 "X-Correlation-Id", correlationId);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("title", "Concurrent change");
        assertThat(eventStore.readEvents(id).asStream().map(event -> event.getPayloadType().getSimpleName()))
                .as("the visit and the other writer's event, not ours")
                .containsExactly("VisitStarted", "RoutedToCounter");
    }
}
