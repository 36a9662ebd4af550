package org.servicehall.command.clients;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.MetadataKeys;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.signin.TestSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.command.BadRequests.fields;

/** Integrators sign in with their keys, and their kind decides what they may send; people send no commands. */
@CommandSideTest
class SignInTest {

    private static final String VISITS = "/api/visits";
    private static final String VISIT = "{\"hallId\": \"hall-1\"}";

    @LocalServerPort
    int port;

    @Autowired
    SequencedEventStorageEngine storage;

    @Autowired
    EventStore eventStore;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aCommandWithoutAValidKeyIsUnauthorised() {
        ResponseEntity<Map> none = api.post(VISITS, VISIT, Api.API_KEY, null);
        ResponseEntity<Map> wrong = api.post(VISITS, VISIT, Api.API_KEY, "shk_" + "x".repeat(43));

        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(none.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(none.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNotBlank();
        assertThat(none.getBody().get("detail").toString()).contains("X-Api-Key");
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getBody()).containsEntry("detail",
                                                 "The API key is not valid: unknown, revoked, or its client is disabled");
    }

    /** Every operation of the table, every kind: refused before the body is read, let through to read it. */
    @Test
    void eachKindMaySendWhatTheTableSaysAndIsRefusedTheRestBeforeItsBodyIsRead() {
        long head = storage.headPosition();
        List<String> wrong = new ArrayList<>();
        ClientPermissions.HALL.operations().forEach((operation, kinds) -> {
            String path = operation.substring("POST ".length()).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (ClientKind kind : ClientKind.values()) {
                ResponseEntity<Map> answer = api.as(kind).post(path, "{not json");
                HttpStatus expected = kinds.contains(kind) ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN;
                if (answer.getStatusCode() != expected) {
                    wrong.add(kind + " " + operation + ": " + answer.getStatusCode());
                }
            }
        });

        assertThat(wrong).isEmpty();
        assertThat(storage.headPosition()).isEqualTo(head);
        ResponseEntity<Map> refund = api.as(ClientKind.TICKET_MACHINE).post("/api/payments/" + UUID.randomUUID()
                                                                             + "/refunds", "{}");
        assertThat(refund.getBody().get("detail").toString())
                .startsWith("Client 'test-ticket-machine' (a TICKET_MACHINE) may not use POST /api/payments/")
                .endsWith("(POST /api/payments/{id}/refunds): it is for integrator clients of kind PAYMENT_TERMINAL");
    }

    @Test
    void peopleSendNoCommands() {
        for (String user : List.of("analyst", "supervisor", "compliance", "admin")) {
            ResponseEntity<Map> refused = api.post(VISITS, VISIT, Api.API_KEY, null, HttpHeaders.AUTHORIZATION,
                                                   TestSignIn.basic(user));

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("detail").toString())
                    .contains("commands come from integrator clients, signed in with their API key (X-Api-Key)");
        }
    }

    @Test
    void theClientOnEveryEventIsTheOneWhoseKeySignedInAndXClientIdIsRefused() {
        String id = (String) api.as(ClientKind.GUIDE_TABLET).post(VISITS, VISIT).getBody().get("id");
        ResponseEntity<Map> typed = api.post(VISITS, VISIT, "X-Client-Id", "ticket-machine-1");

        assertThat(eventStore.readEvents(id).next().getMetaData())
                .containsEntry(MetadataKeys.CLIENT_ID, TestSignIn.clientId(ClientKind.GUIDE_TABLET));
        assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(typed)).containsExactly("X-Client-Id");
        assertThat(typed.getBody().get("detail").toString()).contains("is not read any more")
                                                             .contains("API key (X-Api-Key)");
    }

    @Test
    void oneCredentialPerRequestSentOnce() {
        String key = TestSignIn.key(ClientKind.TICKET_MACHINE);
        ResponseEntity<Map> twoKeys = send(headers -> {
            headers.add(Api.API_KEY, key);
            headers.add(Api.API_KEY, "shk_other");
        });
        ResponseEntity<Map> keyAndUser = send(headers -> {
            headers.add(Api.API_KEY, key);
            headers.add(HttpHeaders.AUTHORIZATION, TestSignIn.basic("admin"));
        });
        ResponseEntity<Map> twoUsers = send(headers -> {
            headers.add(HttpHeaders.AUTHORIZATION, TestSignIn.basic("admin"));
            headers.add(HttpHeaders.AUTHORIZATION, TestSignIn.basic("analyst"));
        });

        assertThat(fields(twoKeys)).containsExactly(Api.API_KEY);
        assertThat(fields(keyAndUser)).containsExactly(Api.API_KEY);
        assertThat(fields(twoUsers)).containsExactly(HttpHeaders.AUTHORIZATION);
    }

    @Test
    void adminsCreateRotateRevokeDisableAndEnableClients() {
        String id = "tm-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map> created = admin().post("/api/admin/clients", """
                {"id": "%s", "kind": "TICKET_MACHINE", "name": "Entrance ticket machine"}""".formatted(id));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/admin/clients/" + id);
        Map<?, ?> firstKey = (Map<?, ?>) created.getBody().get("key");
        String first = (String) firstKey.get("secret");
        assertThat(first).startsWith("shk_");

        String visit = (String) api.post(VISITS, VISIT, Api.API_KEY, first).getBody().get("id");
        assertThat(eventStore.readEvents(visit).next().getMetaData()).containsEntry(MetadataKeys.CLIENT_ID, id);
        ResponseEntity<Map> listed = admin().get("/api/admin/clients");
        assertThat(listed.getBody().toString()).contains(id).doesNotContain(first).doesNotContain(first.substring(4));

        String second = (String) admin().post("/api/admin/clients/" + id + "/keys", null).getBody().get("secret");
        assertThat(api.post(VISITS, VISIT, Api.API_KEY, first).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.post(VISITS, VISIT, Api.API_KEY, second).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> revoked = admin().post("/api/admin/clients/" + id + "/keys/" + firstKey.get("id")
                                                   + "/revoke", null);
        assertThat((List<?>) revoked.getBody().get("keys")).hasSize(2);
        assertThat(api.post(VISITS, VISIT, Api.API_KEY, first).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.post(VISITS, VISIT, Api.API_KEY, second).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(admin().post("/api/admin/clients/" + id + "/disable", null).getBody().get("disabledAt"))
                .isNotNull();
        assertThat(api.post(VISITS, VISIT, Api.API_KEY, second).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        admin().post("/api/admin/clients/" + id + "/enable", null);
        assertThat(api.post(VISITS, VISIT, Api.API_KEY, second).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(admin().post("/api/admin/clients", """
                {"id": "%s", "kind": "TICKET_MACHINE", "name": "again"}""".formatted(id)).getBody())
                .containsEntry("rule", "client-exists");
        assertThat(fields(admin().post("/api/admin/clients", "{\"id\": \"a b\", \"kind\": \"TICKET_MACHINE\"}")))
                .containsExactlyInAnyOrder("id", "name");
        assertThat(fields(admin().post("/api/admin/clients", "{\"id\": \"t\", \"kind\": \"TOASTER\", \"name\": \"t\"}")))
                .containsExactly("kind");
        assertThat(admin().post("/api/admin/clients/nobody/keys", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theAdminEndpointsAreForAdminsOnly() {
        assertThat(admin().get("/api/admin/clients").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asUser("supervisor").get("/api/admin/clients").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.http().get().uri("/api/admin/clients")
                      .header(Api.API_KEY, TestSignIn.key(ClientKind.BACK_OFFICE)).retrieve().toEntity(Map.class)
                      .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.http().get().uri("/api/admin/clients").retrieve().toEntity(Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(admin().get("/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asUser("analyst").get("/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.http().get().uri("/actuator/health").retrieve().toEntity(Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndSwaggerUiItsOwnPolicy() {
        ResponseEntity<Map> refused = api.post(VISITS, VISIT, Api.API_KEY, null);
        ResponseEntity<Map> accepted = api.post(VISITS, VISIT);
        ResponseEntity<String> ui = api.http().get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);

        for (ResponseEntity<?> answer : List.of(refused, accepted, ui)) {
            HttpHeaders headers = answer.getHeaders();
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
            assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(headers.getFirst("Strict-Transport-Security")).as("for the TLS edge, not plain HTTP").isNull();
        }
        assertThat(accepted.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(ui.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'self'");
    }

    private Admin admin() {
        return asUser("admin");
    }

    private Admin asUser(String user) {
        return new Admin(TestSignIn.basic(user));
    }

    /** A person on the admin endpoints. */
    private final class Admin {

        private final String authorization;

        Admin(String authorization) {
            this.authorization = authorization;
        }

        ResponseEntity<Map> get(String path) {
            return api.http().get().uri(path).header(HttpHeaders.AUTHORIZATION, authorization).retrieve()
                      .toEntity(Map.class);
        }

        ResponseEntity<Map> post(String path, String json) {
            var request = api.http().post().uri(path).header(HttpHeaders.AUTHORIZATION, authorization);
            if (json != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(json);
            }
            return request.retrieve().toEntity(Map.class);
        }
    }

    private ResponseEntity<Map> send(java.util.function.Consumer<HttpHeaders> headers) {
        return api.http().post().uri(VISITS).contentType(MediaType.APPLICATION_JSON).headers(headers).body(VISIT)
                  .retrieve().toEntity(Map.class);
    }
}
