package org.servicehall.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

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
        assertThat(system.post("/api/visits/" + id + "/routing", "{\"staffId\": \"guide-7\", \"destination\": \"COUNTER\", \"counter\": \"3\"}")
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

    /** Read-your-writes: a read that sends back a command's X-Event-Position shows that command's change. */
    @Test
    void aReadAwaitingACommandsPositionShowsItsChange() {
        ResponseEntity<Map> created = system.post("/api/visits", "{\"hallId\": \"hall-1\"}");
        String id = (String) created.getBody().get("id");
        ResponseEntity<Map> greeted = system.post("/api/visits/" + id + "/greeting", RunningSystem.greeting("guide-7"));
        String position = greeted.getHeaders().getFirst("X-Event-Position");
        assertThat(position).isNotBlank();

        ResponseEntity<Map> timeline = system.querySide.get().uri("/api/visits/{id}/timeline", id)
                                                     .header("X-Await-Position", position).retrieve()
                                                     .toEntity(Map.class);

        assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(timeline.getHeaders().getFirst("X-View-Behind")).isEqualTo("false");
        assertThat((List<?>) timeline.getBody().get("entries")).hasSize(2);
    }

    /** Live updates: a client following a visit's timeline sees every command as it is accepted. */
    @Test
    void aFollowerOfAVisitSeesEachCommandAsItHappens() throws Exception {
        ResponseEntity<Map> created = system.post("/api/visits", "{\"hallId\": \"hall-1\"}");
        String id = (String) created.getBody().get("id");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<InputStream> stream = new AtomicReference<>();
        Thread follower = new Thread(() -> system.querySide
                .get().uri("/api/visits/{id}/timeline?awaitPosition={position}", id,
                           created.getHeaders().getFirst("X-Event-Position"))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange((request, response) -> {
                    stream.set(response.getBody());
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(response.getBody(),
                                                                                      StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        // the test hung up
                    }
                    return null;
                }), "follower");
        follower.setDaemon(true);
        follower.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:initial"));

        system.post("/api/visits/" + id + "/greeting", RunningSystem.greeting("guide-7"));
        system.post("/api/visits/" + id + "/see-off", RunningSystem.seeOff("clerk-2"));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (lines) {
                return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains("CustomerSeenOff")
                        && line.contains("\"outcome\":\"SERVED\""));
            }
        });
        assertThat(lines.stream().filter(line -> line.equals("event:update")).count()).isGreaterThanOrEqualTo(2);
        stream.get().close();
    }

    @Test
    void unknownVisitsAndMalformedBodiesAreProblems() {
        ResponseEntity<Map> unknownTimeline = system.timeline(UUID.randomUUID().toString());
        ResponseEntity<Map> malformedId = system.timeline("no-such-visit");
        ResponseEntity<Map> unknownCommand = system.post("/api/visits/" + UUID.randomUUID() + "/see-off",
                                                         RunningSystem.seeOff("clerk-2"));
        ResponseEntity<Map> malformed = system.post("/api/visits", "not json");

        assertThat(unknownTimeline.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownTimeline.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(malformedId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformedId.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
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
    void bothSidesWantCallersSignedInAndTheQuerySideGuardsHistories() {
        ResponseEntity<Map> history = system.querySideAs(null).get().uri("/api/history/access-log").retrieve()
                                            .toEntity(Map.class);
        ResponseEntity<Map> asAnalyst = system.querySide.get().uri("/api/history/access-log").retrieve()
                                                        .toEntity(Map.class);
        ResponseEntity<Map> asCompliance = system.querySideAs("compliance").get().uri("/api/history/access-log")
                                                 .retrieve().toEntity(Map.class);
        ResponseEntity<Map> anonymousCommand = system.commandSide.post().uri("/api/visits")
                                                                 .contentType(MediaType.APPLICATION_JSON)
                                                                 .body("{\"hallId\": \"hall-1\"}").retrieve()
                                                                 .toEntity(Map.class);

        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(history.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(asAnalyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asCompliance.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymousCommand.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(system.post("/api/visits", "{\"hallId\": \"hall-1\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
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
