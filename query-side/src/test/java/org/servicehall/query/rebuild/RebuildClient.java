package org.servicehall.query.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import org.servicehall.query.HallClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rebuild API over HTTP, as an administrator uses it (signed in as the development user {@code admin}). */
public final class RebuildClient {

    private static final String ADMIN = HallClient.authorization("admin");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    public RebuildClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> post(String body) {
        return send(HttpRequest.newBuilder(uri("/api/admin/rebuilds"))
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Requests a rebuild of one view and answers its id. */
    public String request(String view) {
        HttpResponse<String> response = post("{\"view\": \"" + view + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("rebuilds").get(0).get("id").asText();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public JsonNode rebuild(String id) {
        HttpResponse<String> response = get("/api/admin/rebuilds/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /**
     * Follows a rebuild until it has finished, handing each state seen (every {@code every}) to {@code seen}.
     *
     * @return the states seen, the last one finished
     */
    public List<JsonNode> follow(String id, Duration every, Duration atMost, Consumer<JsonNode> seen) {
        List<JsonNode> states = Collections.synchronizedList(new ArrayList<>());
        await().atMost(atMost).pollInterval(every).until(() -> {
            JsonNode state = rebuild(id);
            states.add(state);
            seen.accept(state);
            String status = state.get("status").asText();
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        return states;
    }

    public JsonNode awaitFinished(String id, Duration atMost) {
        List<JsonNode> states = follow(id, Duration.ofMillis(100), atMost, state -> {
        });
        return states.get(states.size() - 1);
    }

    public JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
