package org.servicehall.query.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.servicehall.query.TestIds;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may use which part of the read API; refusals are problem+json like every other error. */
@QuerySideTest
class SecurityRulesTest {

    private static final String UNKNOWN_TIMELINE = "/api/visits/" + TestIds.id("v-1") + "/timeline";

    @LocalServerPort
    int port;
    HallClient http;

    @BeforeEach
    void client() {
        http = HallClient.on(port);
    }

    @Test
    void historiesAndCustomersNeedASignedInComplianceUser() {
        for (String path : List.of("/api/history/access-log", "/api/customers/c-1/erasure")) {
            ResponseEntity<Map> anonymous = path.endsWith("erasure") ? http.anonymous().post(path, "{\"reason\": \"r\"}")
                    : http.anonymous().get(path);
            assertProblem(anonymous, HttpStatus.UNAUTHORIZED, "Unauthorized");
            assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .isEqualTo("Basic realm=\"service-hall\"");
            assertThat(anonymous.getBody().get("detail")).isEqualTo(path + " needs a signed-in caller: an integrator "
                    + "client's API key (X-Api-Key), or a user's HTTP Basic credentials");
            for (String user : List.of("analyst", "supervisor", "admin")) {
                ResponseEntity<Map> refused = path.endsWith("erasure")
                        ? http.as(user).post(path, "{\"reason\": \"r\"}") : http.as(user).get(path);
                assertProblem(refused, HttpStatus.FORBIDDEN, "Forbidden");
                assertThat(refused.getBody().get("detail")).asString().startsWith("User '" + user + "' (roles [")
                        .endsWith("it is for users with role COMPLIANCE");
            }
            ResponseEntity<Map> client = http.as(ClientKind.COUNTER_TERMINAL).get(path);
            assertProblem(client, HttpStatus.FORBIDDEN, "Forbidden");
            assertThat(client.getBody().get("detail")).asString()
                    .startsWith("Client 'test-counter-terminal' (a COUNTER_TERMINAL) may not use");
        }
        assertThat(http.as("compliance").get("/api/history/access-log").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.as("compliance").get("/api/history/no-such-history").getStatusCode())
                .as("let through to find nothing").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theAdminEndpointsAreForAdminsAndComplianceStaff() {
        assertProblem(http.anonymous().get("/api/admin/anything"), HttpStatus.UNAUTHORIZED, "Unauthorized");
        assertProblem(http.as("analyst").get("/api/admin/anything"), HttpStatus.FORBIDDEN, "Forbidden");
        assertProblem(http.as("supervisor").get("/api/admin/anything"), HttpStatus.FORBIDDEN, "Forbidden");
        assertProblem(http.as(ClientKind.BACK_OFFICE).get("/api/admin/anything"), HttpStatus.FORBIDDEN, "Forbidden");
        assertThat(http.as("admin").get("/api/admin/anything").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.as("compliance").get("/api/admin/anything").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void viewsAreForEveryoneSignedInPeopleAndIntegratorsAlike() {
        assertProblem(http.anonymous().get(UNKNOWN_TIMELINE), HttpStatus.UNAUTHORIZED, "Unauthorized");
        for (String user : List.of("analyst", "supervisor", "compliance", "admin")) {
            assertProblem(http.as(user).get(UNKNOWN_TIMELINE), HttpStatus.NOT_FOUND, "Not found");
        }
        for (ClientKind kind : ClientKind.values()) {
            assertProblem(http.as(kind).get(UNKNOWN_TIMELINE), HttpStatus.NOT_FOUND, "Not found");
        }
    }

    @Test
    void onlyHealthAndTheApiDocsAnswerWithoutCredentials() {
        assertThat(http.anonymous().get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.anonymous().get("/actuator/health/liveness").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.anonymous().get("/v3/api-docs").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(http.anonymous().get("/actuator/metrics"), HttpStatus.UNAUTHORIZED, "Unauthorized");
        assertProblem(http.as("analyst").get("/actuator/metrics"), HttpStatus.FORBIDDEN, "Forbidden");
        assertThat(http.as("admin").get("/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(http.anonymous().get("/"), HttpStatus.UNAUTHORIZED, "Unauthorized");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (ResponseEntity<Map> answer : List.of(http.get("/api/complaints?hall=dalian-01"),
                                                  http.anonymous().get("/api/complaints?hall=dalian-01"),
                                                  http.anonymous().get("/actuator/health"))) {
            HttpHeaders headers = answer.getHeaders();
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
            assertThat(headers.getFirst("Content-Security-Policy")).startsWith("default-src 'none'")
                                                                   .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void wrongCredentialsAreRefusedEvenWhereNoneAreNeeded() {
        ResponseEntity<Map> wrong = http.withPassword("analyst", "guess", UNKNOWN_TIMELINE);
        ResponseEntity<Map> unknown = http.withPassword("mallory", "mallory", "/actuator/health");
        ResponseEntity<Map> wrongKey = http.anonymous().get(UNKNOWN_TIMELINE,
                                                            Map.of("X-Api-Key", "shk_guessed"));

        assertProblem(wrong, HttpStatus.UNAUTHORIZED, "Unauthorized");
        assertThat(wrong.getBody().get("detail")).isEqualTo("The user name or password is wrong");
        assertProblem(unknown, HttpStatus.UNAUTHORIZED, "Unauthorized");
        assertProblem(wrongKey, HttpStatus.UNAUTHORIZED, "Unauthorized");
        assertThat(wrongKey.getBody().get("detail"))
                .isEqualTo("The API key is not valid: unknown, revoked, or its client is disabled");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiDocsSayWhoMayCallEachOperationAndDocumentTheRefusals() {
        Map<String, Object> paths = (Map<String, Object>) http.get("/v3/api-docs").getBody().get("paths");
        Map<String, Object> rebuilds = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/admin/rebuilds"))
                .get("post");
        Map<String, Object> board = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/complaints/board"))
                .get("get");

        assertThat((List<Object>) rebuilds.get("security"))
                .containsExactly(Map.of("basicAuth", List.of()), Map.of("bearerAuth", List.of()));
        assertThat((Map<String, Object>) rebuilds.get("x-callers"))
                .containsEntry("roles", List.of("COMPLIANCE", "ADMIN")).containsEntry("clientKinds", List.of());
        assertThat((List<Object>) board.get("security")).containsExactly(
                Map.of("apiKey", List.of()), Map.of("basicAuth", List.of()), Map.of("bearerAuth", List.of()));
        assertThat((Map<String, Object>) ((Map<String, Object>) board.get("x-callers")))
                .containsEntry("clientKinds", List.of(ClientKind.values()).stream().map(Enum::name).toList());
        for (Map<String, Object> operation : List.of(rebuilds, board)) {
            assertThat((Map<String, Object>) operation.get("responses")).containsKeys("401", "403", "429");
        }
    }

    private static void assertProblem(ResponseEntity<Map> response, HttpStatus status, String title) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", status.value()).containsEntry("title", title);
    }
}
