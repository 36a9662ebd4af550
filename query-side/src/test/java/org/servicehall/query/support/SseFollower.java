package org.servicehall.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.servicehall.query.HallClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A client reading a stream of Server-Sent Events line by line, in the background, until it is closed. */
public final class SseFollower implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    public final HttpResponse<InputStream> response;
    public volatile boolean ended;

    public SseFollower(URI uri) throws IOException, InterruptedException {
        response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                                                              .header("Authorization",
                                                                      HallClient.authorization("analyst"))
                                                              .build(),
                                                   HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                                                                              StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // closed by the test
            }
            ended = true;
        }, "sse-follower");
        reader.setDaemon(true);
        reader.start();
    }

    /** The data of the events with this name, in order. */
    public List<JsonNode> events(String name) {
        List<JsonNode> found = new ArrayList<>();
        synchronized (lines) {
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).equals("event:" + name) && lines.get(i + 1).startsWith("data:")) {
                    try {
                        found.add(JSON.readTree(lines.get(i + 1).substring("data:".length())));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return found;
    }

    /** The data of the last event with this name, or null. */
    public JsonNode last(String name) {
        List<JsonNode> found = events(name);
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
