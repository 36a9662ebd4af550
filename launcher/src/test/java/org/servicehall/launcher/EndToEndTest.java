package org.servicehall.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Both sides as the README starts them: commands in over HTTP on one side, the timeline out on the other. */
class EndToEndTest {

    private static TestMongo mongo;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        mongo = TestMongo.external() ? TestMongo.start() : null;
        system = RunningSystem.start(TestMongo.temporaryDirectory(), mongo);
    }

    @AfterAll
    static void stop() {
        system.close();
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void aVisitPostedToTheCommandSideShowsUpAsATimelineOnTheQuerySide() {
        ResponseEntity<Map> created = system.post("/api/visits", "{\"hallId\": \"hall-1\"}");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).isNotNull();

        assertThat(system.post("/api/visits/" + id + "/greeting", RunningSystem.greeting("guide-7")).getStatusCode()
                         .is2xxSuccessful()).isTrue();
        assertThat(system.post("/api/visits/" + id + "/routing", "{\"staffId\": \"guide-7\", \"counter\": \"3\"}")
                         .getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(system.post("/api/visits/" + id + "/see-off", RunningSystem.seeOff("clerk-2")).getStatusCode()
                         .is2xxSuccessful()).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> system.entries(id).size() == 4);
        List<Map<String, Object>> entries = system.entries(id);
        assertThat(entries).extracting(entry -> entry.get("type"))
                           .containsExactly("VisitStarted", "CustomerGreeted", "RoutedToCounter", "CustomerSeenOff");
        assertThat(entries).allSatisfy(entry -> assertThat(Instant.parse((String) entry.get("at"))).isNotNull());
        assertThat(system.timeline(id).getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    }

    @Test
    void unknownVisitsAndMalformedBodiesAreProblems() {
        ResponseEntity<Map> unknownTimeline = system.timeline("no-such-visit");
        ResponseEntity<Map> unknownCommand = system.post("/api/visits/" + UUID.randomUUID() + "/see-off",
                                                         RunningSystem.seeOff("clerk-2"));
        ResponseEntity<Map> malformed = system.post("/api/visits", "not json");

        assertThat(unknownTimeline.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownTimeline.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknownCommand.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownCommand.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void bothSidesServeTheirOwnOpenApiDocument() {
        Map<?, ?> commands = system.commandSide.get().uri("/v3/api-docs").retrieve().body(Map.class);
        Map<?, ?> views = system.querySide.get().uri("/v3/api-docs").retrieve().body(Map.class);

        assertThat(((Map<?, ?>) commands.get("info")).get("title").toString()).contains("command side");
        assertThat(((Map<?, ?>) views.get("info")).get("title").toString()).contains("query side");
        assertThat(((Map<?, ?>) views.get("paths")).containsKey("/api/visits/{id}/timeline")).isTrue();
        assertThat(views.get("paths").toString()).as("problem responses documented")
                                                 .contains("#/components/responses/NotFound");
    }

    @Test
    void bothSidesReportTheirHealthIncludingTheDatabase() {
        for (var side : List.of(system.commandSide, system.querySide)) {
            Map<?, ?> health = side.get().uri("/actuator/health").retrieve().body(Map.class);
            assertThat(health.get("status")).isEqualTo("UP");
            assertThat(health.get("components").toString()).contains("mongo={status=UP", "eventStore={status=UP");
        }
    }
}
