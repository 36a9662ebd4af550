package org.servicehall.command;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.Map;

/**
 * An integrator talking to the command side over HTTP: JSON bodies, {@code X-Client-Id} sent unless a test says
 * otherwise, and every status handed back rather than thrown.
 */
public final class Api {

    public static final String CLIENT_ID = "test-terminal";

    private final RestClient http;

    public Api(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                              .defaultStatusHandler(status -> true, (request, response) -> {
                              })
                              .build();
    }

    public RestClient http() {
        return http;
    }

    /** POSTs {@code json} with {@code X-Client-Id} and the given header name/value pairs (a null value omits it). */
    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> post(String path, String json, String... headers) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                   .headers(h -> headers(h, headers))
                   .body(json).retrieve().toEntity(Map.class);
    }

    /** A greeting body: dry day, dry floor. */
    public static String greeting(String staffId) {
        return "{\"staffId\": \"" + staffId + "\", \"rainy\": false, \"umbrellaStandShown\": false, "
                + "\"wetFloor\": false, \"wetFloorSignShown\": false}";
    }

    /** A see-off body: belongings reminded. */
    public static String seeOff(String staffId) {
        return "{\"staffId\": \"" + staffId + "\", \"belongingsReminded\": true}";
    }

    /** Starts a visit and returns its id. */
    public String startVisit() {
        return (String) post("/api/visits", "{\"hallId\": \"hall-1\"}").getBody().get("id");
    }

    /** The headers every request of an integrator carries, for tests that write requests byte for byte. */
    public static Map<String, String> headers() {
        return Map.of("X-Client-Id", CLIENT_ID);
    }

    private static void headers(HttpHeaders target, String... pairs) {
        headers().forEach(target::set);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                target.remove(pairs[i]);
            } else {
                target.set(pairs[i], pairs[i + 1]);
            }
        }
    }
}
