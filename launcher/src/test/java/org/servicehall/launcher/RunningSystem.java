package org.servicehall.launcher;

import org.servicehall.platform.personaldata.TestVault;
import org.servicehall.platform.testing.TestMongo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as the README runs it, on free ports: the embedded default with its file in {@code dataDir}, or
 * (when {@code MONGODB_URI} is set) a database of its own on that server.
 */
final class RunningSystem implements AutoCloseable {

    private final Launcher launcher;
    final RestClient commandSide;
    final RestClient querySide;

    private RunningSystem(Launcher launcher) {
        this.launcher = launcher;
        this.commandSide = client(launcher.commandSideUrl());
        this.querySide = client(launcher.querySideUrl());
    }

    /** Starts on the embedded server with its file under {@code dataDir}, or on {@code mongo} if it is given. */
    static RunningSystem start(Path dataDir, TestMongo mongo) {
        Map<String, String> environment = new HashMap<>();
        environment.put("HALL_DATA_DIR", dataDir.toString());
        environment.put("COMMAND_SIDE_PORT", "0");
        environment.put("QUERY_SIDE_PORT", "0");
        if (mongo != null) {
            environment.put("MONGODB_URI", mongo.connectionString());
            environment.put("HALL_PERSONAL_DATA_MASTER_KEY", TestVault.MASTER_KEY);
        }
        return new RunningSystem(Launcher.start(environment));
    }

    private static RestClient client(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl)
                         .defaultStatusHandler(status -> true, (request, response) -> {
                         })
                         .build();
    }

    /** A greeting body: dry day, dry floor. */
    static String greeting(String staffId) {
        return "{\"staffId\": \"" + staffId + "\", \"rainy\": false, \"umbrellaStandShown\": false, "
                + "\"wetFloor\": false, \"wetFloorSignShown\": false}";
    }

    /** A see-off body: belongings reminded. */
    static String seeOff(String staffId) {
        return "{\"staffId\": \"" + staffId + "\", \"belongingsReminded\": true}";
    }

    ResponseEntity<Map> post(String path, String json) {
        return commandSide.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                          .header("X-Client-Id", "launcher-test").body(json).retrieve().toEntity(Map.class);
    }

    ResponseEntity<Map> timeline(String visitId) {
        return querySide.get().uri("/api/visits/{id}/timeline", visitId).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entries(String visitId) {
        ResponseEntity<Map> timeline = timeline(visitId);
        return timeline.getStatusCode().is2xxSuccessful()
                ? (List<Map<String, Object>>) timeline.getBody().get("entries") : List.of();
    }

    @Override
    public void close() {
        launcher.close();
    }
}
