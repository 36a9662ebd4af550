package org.servicehall.query;

import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.signin.TestSignIn;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The query side over HTTP, signed in as one of the test users ({@link TestSignIn}; an analyst unless a test says
 * otherwise), as a test client, or anonymously, answering with whatever status it gets.
 */
public final class HallClient {

    /** Who signs in when a test says nothing. */
    public static final String DEFAULT_USER = "analyst";

    private final String base;
    private final RestClient client;
    private final Consumer<HttpHeaders> credentials;

    private HallClient(String base, RestClient client, Consumer<HttpHeaders> credentials) {
        this.base = base;
        this.client = client;
        this.credentials = credentials;
    }

    public static HallClient on(int port) {
        String base = "http://localhost:" + port;
        return new HallClient(base, RestClient.builder().baseUrl(base)
                                              .defaultStatusHandler(status -> true, (request, response) -> {
                                              })
                                              .build(), user(DEFAULT_USER, DEFAULT_USER));
    }

    /** As one of the test users, whose password is their name. */
    public HallClient as(String user) {
        return new HallClient(base, client, user(user, user));
    }

    /** As the test client of that kind, with its API key. */
    public HallClient as(ClientKind kind) {
        return new HallClient(base, client, headers -> headers.set("X-Api-Key", TestSignIn.key(kind)));
    }

    /** Without credentials. */
    public HallClient anonymous() {
        return new HallClient(base, client, headers -> {
        });
    }

    /** Spring Boot's test client, signed in as the {@link #DEFAULT_USER}. */
    public static TestRestTemplate signedIn(TestRestTemplate template) {
        return template.withBasicAuth(DEFAULT_USER, DEFAULT_USER);
    }

    /** The {@code Authorization} header a test user signs in with, for tests that send requests their own way. */
    public static String authorization(String user) {
        return TestSignIn.basic(user);
    }

    public ResponseEntity<Map> get(String path, Object... variables) {
        return exchange(HttpMethod.GET, path, null, variables);
    }

    /** GETs the path and query exactly as written, percent-encodings and all (a URI template would encode them). */
    public ResponseEntity<Map> getExactly(String pathAndQuery, String... headerNamesAndValues) {
        RestClient.RequestHeadersSpec<?> request = client.get().uri(URI.create(base + pathAndQuery));
        request.headers(headers -> {
            credentials.accept(headers);
            for (int i = 0; i < headerNamesAndValues.length; i += 2) {
                headers.set(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
        });
        return request.retrieve().toEntity(Map.class);
    }

    public ResponseEntity<Map> post(String path, String json, Object... variables) {
        return exchange(HttpMethod.POST, path, json, variables);
    }

    public ResponseEntity<Map> withPassword(String user, String password, String path) {
        return client.get().uri(path).headers(headers -> headers.setBasicAuth(user, password)).retrieve()
                     .toEntity(Map.class);
    }

    /** A GET with the given headers on top of this client's credentials (a null value removes one). */
    public ResponseEntity<Map> get(String path, Map<String, String> headers) {
        return client.get().uri(path).headers(h -> {
            credentials.accept(h);
            headers.forEach((name, value) -> {
                if (value == null) {
                    h.remove(name);
                } else {
                    h.add(name, value);
                }
            });
        }).retrieve().toEntity(Map.class);
    }

    private ResponseEntity<Map> exchange(HttpMethod method, String path, String json, Object... variables) {
        RestClient.RequestBodySpec request = client.method(method).uri(path, variables).headers(credentials);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().toEntity(Map.class);
    }

    private static Consumer<HttpHeaders> user(String user, String password) {
        return headers -> headers.setBasicAuth(user, password);
    }
}
