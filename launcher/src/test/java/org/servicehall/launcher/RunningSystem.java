package org.servicehall.launcher;

import org.servicehall.command.clients.ClientPermissions;
import org.servicehall.platform.personaldata.TestVault;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.signin.TestSignIn;
import org.servicehall.platform.testing.TestMongo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as the README runs it, on free ports: the embedded default with its file in {@code dataDir}, or
 * (when {@code MONGODB_URI} is set) a database of its own on that server; the test users and clients of
 * {@link TestSignIn} sign in.
 */
final class RunningSystem implements AutoCloseable {

    private final Launcher launcher;
    /** The command side, nobody signed in: add an API key, or use {@link #post}. */
    final RestClient commandSide;
    /** The query side, signed in as an analyst. */
    final RestClient querySide;

    private RunningSystem(Launcher launcher) {
        this.launcher = launcher;
        this.commandSide = client(launcher.commandSideUrl(), null);
        this.querySide = querySideAs("analyst");
    }

    /** The query side signed in as a test user (password = name), or nobody for null. */
    RestClient querySideAs(String user) {
        return client(launcher.querySideUrl(), user);
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
        return new RunningSystem(Launcher.start(environment, TestSignIn.arguments().toArray(String[]::new)));
    }

    private static RestClient client(String baseUrl, String user) {
        RestClient.Builder client = RestClient.builder().baseUrl(baseUrl)
                                              .defaultStatusHandler(status -> true, (request, response) -> {
                                              });
        if (user != null) {
            client.defaultHeader(HttpHeaders.AUTHORIZATION, TestSignIn.basic(user));
        }
        return client.build();
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

    /**
     * A command, signed in as the test client of the first kind the table allows for it, with the given header
     * name/value pairs (e.g. {@code "X-Authorised-By", TestSignIn.basic("supervisor")} on a refund).
     */
    ResponseEntity<Map> post(String path, String json, String... headers) {
        ClientKind kind = ClientPermissions.HALL.kindsFor("POST", path).orElseThrow().iterator().next();
        return commandSide.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                          .header("X-Api-Key", TestSignIn.key(kind))
                          .headers(sent -> {
                              for (int i = 0; i < headers.length; i += 2) {
                                  sent.set(headers[i], headers[i + 1]);
                              }
                          })
                          .body(json).retrieve().toEntity(Map.class);
    }

    /** A visit's timeline, read by an analyst. */
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
