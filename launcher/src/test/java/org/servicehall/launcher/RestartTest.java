package org.servicehall.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stop both sides and start them again on the same data: nothing is lost and the streams continue. */
class RestartTest {

    private final TestMongo mongo = TestMongo.external() ? TestMongo.start() : null;
    private final Path dataDir = TestMongo.temporaryDirectory();

    @AfterEach
    void dropDatabase() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void timelinesAndEventsSurviveARestartAndNewCommandsContinueTheSameStreams() {
        String id;
        List<Map<String, Object>> before;
        Map<?, ?> healthBefore;
        try (RunningSystem system = RunningSystem.start(dataDir, mongo)) {
            id = (String) system.post("/api/visits", "{\"hallId\": \"hall-1\"}").getBody().get("id");
            system.post("/api/visits/" + id + "/greeting", RunningSystem.greeting("guide-7"));
            await().atMost(Duration.ofSeconds(20)).until(() -> system.entries(id).size() == 2);
            before = system.entries(id);
            healthBefore = eventStoreHealth(system);
        }

        try (RunningSystem system = RunningSystem.start(dataDir, mongo)) {
            assertThat(system.entries(id)).isEqualTo(before);
            assertThat(eventStoreHealth(system).get("headPosition")).isEqualTo(healthBefore.get("headPosition"));

            assertThat(system.post("/api/visits/" + id + "/greeting", RunningSystem.greeting("guide-8")).getStatusCode()
                             .value()).as("the visit remembers it was greeted").isEqualTo(409);
            system.post("/api/visits/" + id + "/routing", "{\"staffId\": \"guide-7\", \"destination\": \"COUNTER\", \"counter\": \"5\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> system.entries(id).size() == 3);
            assertThat(system.entries(id).subList(0, 2)).isEqualTo(before);
            assertThat(system.entries(id).get(2)).containsEntry("type", "RoutedToCounter");
        }
    }

    private static Map<?, ?> eventStoreHealth(RunningSystem system) {
        Map<?, ?> health = system.commandSide.get().uri("/actuator/health").retrieve().body(Map.class);
        return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) health.get("components")).get("eventStore")).get("details");
    }
}
