package org.servicehall.command.visit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CommandSideTest
class VisitApiTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    SequencedEventStorageEngine storage;

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                         .defaultStatusHandler(status -> true, (request, response) -> {
                         })
                         .build();
    }

    private ResponseEntity<Map> post(String path, String json) {
        return http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                     .toEntity(Map.class);
    }

    @Test
    void aVisitIsStartedGreetedRoutedAndSeenOffAndEachStepIsStored() {
        ResponseEntity<Map> created = post("/api/visits", "{\"hallId\": \"hall-1\"}");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/visits/" + id);
        assertThat(post("/api/visits/" + id + "/greeting", "{\"staffId\": \"guide-7\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/visits/" + id + "/routing", "{\"staffId\": \"guide-7\", \"counter\": \"3\"}")
                           .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/visits/" + id + "/see-off", "{\"staffId\": \"clerk-2\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(eventStore.readEvents(id).asStream().map(event -> (Object) event.getPayload()).toList())
                .startsWith(new VisitStarted(id, "hall-1"), new CustomerGreeted(id, "guide-7", false, false, false, false),
                            new RoutedToCounter(id, "guide-7", "3"))
                .hasSize(4);
    }

    @Test
    void anUnknownVisitIsNotFound() {
        ResponseEntity<Map> response = post("/api/visits/no-such-visit/greeting", "{\"staffId\": \"guide-7\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 404);
    }

    @Test
    void aMalformedBodyIsABadRequestAndChangesNothing() {
        long before = storage.readEvents(null, false).count();

        ResponseEntity<Map> broken = post("/api/visits", "{\"hallId\": ");
        ResponseEntity<Map> missing = post("/api/visits", "{}");
        ResponseEntity<Map> unknownField = post("/api/visits", "{\"hallId\": \"h\", \"hall\": \"h\"}");

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
        String id = (String) post("/api/visits", "{\"hallId\": \"hall-1\"}").getBody().get("id");
        post("/api/visits/" + id + "/see-off", "{\"staffId\": \"clerk-2\"}");

        ResponseEntity<Map> response = post("/api/visits/" + id + "/greeting", "{\"staffId\": \"guide-7\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("rule", "visit-over");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        ResponseEntity<Map> response = http().post().uri("/api/visits").contentType(MediaType.TEXT_PLAIN)
                                             .body("hall-1").retrieve().toEntity(Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
}
