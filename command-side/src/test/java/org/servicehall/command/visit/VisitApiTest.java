package org.servicehall.command.visit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandSideTest
class VisitApiTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    SequencedEventStorageEngine storage;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aVisitIsStartedGreetedRoutedAndSeenOffAndEachStepIsStoredWithItsVersion() {
        ResponseEntity<Map> created = api.post("/api/visits", "{\"hallId\": \"hall-1\"}");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getBody()).containsEntry("version", 0);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/visits/" + id);

        long createdAt = ((Number) created.getBody().get("position")).longValue();
        assertThat(created.getHeaders().getFirst("X-Event-Position")).isEqualTo(Long.toString(createdAt));

        ResponseEntity<Map> greeted = api.post("/api/visits/" + id + "/greeting", Api.greeting("guide-7"));
        assertThat(greeted.getStatusCode()).isEqualTo(HttpStatus.OK);
        long greetedAt = ((Number) greeted.getBody().get("position")).longValue();
        assertThat(greetedAt).as("stored after the visit started").isGreaterThan(createdAt);
        assertThat(greeted.getBody()).isEqualTo(Map.of("id", id, "version", 1, "position", (int) greetedAt));
        assertThat(greeted.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(api.post("/api/visits/" + id + "/routing", "{\"staffId\": \"guide-7\", \"counter\": \"3\"}")
                      .getBody()).containsEntry("version", 2);
        assertThat(api.post("/api/visits/" + id + "/see-off", Api.seeOff("clerk-2")).getHeaders().getETag())
                .isEqualTo("\"3\"");

        assertThat(eventStore.readEvents(id).asStream().map(event -> (Object) event.getPayload()).toList())
                .startsWith(new VisitStarted(id, "hall-1"),
                            new CustomerGreeted(id, "guide-7", false, false, false, false),
                            new RoutedToCounter(id, "guide-7", "3"))
                .hasSize(4);
    }

    @Test
    void anUnknownVisitIsNotFound() {
        ResponseEntity<Map> response = api.post("/api/visits/" + UUID.randomUUID() + "/greeting",
                                                Api.greeting("guide-7"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 404);
    }

    @Test
    void aMalformedBodyIsABadRequestAndChangesNothing() {
        long before = storage.readEvents(null, false).count();

        ResponseEntity<Map> broken = api.post("/api/visits", "{\"hallId\": ");
        ResponseEntity<Map> missing = api.post("/api/visits", "{}");
        ResponseEntity<Map> unknownField = api.post("/api/visits", "{\"hallId\": \"h\", \"hall\": \"h\"}");

        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("errors").toString()).contains("field=hallId");
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownField.getBody().get("detail").toString()).contains("Unknown field 'hall'");
        assertThat(storage.readEvents(null, false).count()).isEqualTo(before);
    }

    @Test
    void aVisitThatIsOverRefusesMoreWithTheRuleItBreaks() {
        String id = api.startVisit();
        api.post("/api/visits/" + id + "/see-off", Api.seeOff("clerk-2"));

        ResponseEntity<Map> response = api.post("/api/visits/" + id + "/greeting", Api.greeting("guide-7"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("rule", "visit-over");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        ResponseEntity<Map> response = api.http().post().uri("/api/visits").contentType(MediaType.TEXT_PLAIN)
                                          .header("X-Client-Id", Api.CLIENT_ID)
                                          .body("hall-1").retrieve().toEntity(Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
}
