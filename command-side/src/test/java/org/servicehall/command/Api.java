package org.servicehall.command;

import org.servicehall.command.clients.ClientPermissions;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.signin.TestSignIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.Map;

/**
 * An integrator talking to the command side over HTTP: JSON bodies, signed in with the API key of a test client
 * ({@link TestSignIn}) of a kind the {@link ClientPermissions} table allows for the path (the first in {@link ClientKind}'s order), or of
 * the client a test chose; every status handed back rather than thrown.
 */
public final class Api {

    /** The header integrators sign in with. */
    public static final String API_KEY = "X-Api-Key";

    private final RestClient http;
    private final String clientId;

    public Api(int port) {
        this(RestClient.builder().baseUrl("http://localhost:" + port)
                       .defaultStatusHandler(status -> true, (request, response) -> {
                       })
                       .build(), null);
    }

    private Api(RestClient http, String clientId) {
        this.http = http;
        this.clientId = clientId;
    }

    /** This API as the test client of that kind, whatever the path. */
    public Api as(ClientKind kind) {
        return as(TestSignIn.clientId(kind));
    }

    /** This API as the test client with that id (e.g. {@link TestSignIn#SECOND_COUNTER_TERMINAL}). */
    public Api as(String clientId) {
        return new Api(http, clientId);
    }

    /** The HTTP client, with nothing signed in: add {@link #signIn} for a path. */
    public RestClient http() {
        return http;
    }

    /** The client id that signs in for {@code path}: the chosen one, or one of the first kind the table allows. */
    public String clientFor(String method, String path) {
        return clientId != null ? clientId : TestSignIn.clientId(kindFor(method, path));
    }

    /** The key of the test client of the first kind the table allows for the operation. */
    public static String keyFor(String method, String path) {
        return TestSignIn.key(kindFor(method, path));
    }

    /** The {@value #API_KEY} header for {@code path}, as {@link #post} sends it. */
    public void signIn(HttpHeaders headers, String method, String path) {
        headers.set(API_KEY, TestSignIn.key(clientFor(method, path)));
    }

    /**
     * POSTs {@code json} signed in for the path, with the given header name/value pairs (a null value omits it:
     * {@code "X-Api-Key", null} sends no key).
     */
    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> post(String path, String json, String... headers) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                   .headers(h -> {
                       signIn(h, "POST", path);
                       headers(h, headers);
                   })
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

    /** The first kind the table allows for the request; a counter terminal for a path it does not know. */
    public static ClientKind kindFor(String method, String path) {
        String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return ClientPermissions.HALL.kindsFor(method, plain).map(kinds -> kinds.iterator().next())
                                     .orElse(ClientKind.COUNTER_TERMINAL);
    }

    private static void headers(HttpHeaders target, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                target.remove(pairs[i]);
            } else {
                target.set(pairs[i], pairs[i + 1]);
            }
        }
    }
}
