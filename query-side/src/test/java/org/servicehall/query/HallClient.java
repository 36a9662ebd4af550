package org.servicehall.query;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.util.Map;

/** The query side over HTTP as a given user (or anonymously), answering with whatever status it gets. */
public final class HallClient {

    private final String base;
    private final RestClient client;
    private final String user;

    private HallClient(String base, RestClient client, String user) {
        this.base = base;
        this.client = client;
        this.user = user;
    }

    public static HallClient on(int port) {
        String base = "http://localhost:" + port;
        return new HallClient(base, RestClient.builder().baseUrl(base)
                                              .defaultStatusHandler(status -> true, (request, response) -> {
                                              })
                                              .build(), null);
    }

    /** As one of the development users, whose password is their name. */
    public HallClient as(String user) {
        return new HallClient(base, client, user);
    }

    public ResponseEntity<Map> get(String path, Object... variables) {
        return exchange(HttpMethod.GET, path, null, variables);
    }

    /** GETs the path and query exactly as written, percent-encodings and all (a URI template would encode them). */
    public ResponseEntity<Map> getExactly(String pathAndQuery, String... headerNamesAndValues) {
        RestClient.RequestHeadersSpec<?> request = client.get().uri(URI.create(base + pathAndQuery));
        request.headers(headers -> {
            if (user != null) {
                headers.setBasicAuth(user, user);
            }
            for (int i = 0; i < headerNamesAndValues.length; i += 2) {
                headers.set(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
        });
        return request.retrieve().toEntity(Map.class);
    }

    public ResponseEntity<Map> post(String path, String json, Object... variables) {
        return exchange(HttpMethod.POST, path, json, variables);
    }

    public ResponseEntity<Map> withPassword(String password, String path) {
        return client.get().uri(path).headers(headers -> headers.setBasicAuth(user, password)).retrieve()
                     .toEntity(Map.class);
    }

    private ResponseEntity<Map> exchange(HttpMethod method, String path, String json, Object... variables) {
        RestClient.RequestBodySpec request = client.method(method).uri(path, variables);
        if (user != null) {
            request.headers(headers -> headers.setBasicAuth(user, user));
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().toEntity(Map.class);
    }
}
