package org.servicehall.query.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
            ResponseEntity<Map> anonymous = path.endsWith("erasure") ? http.post(path, "{\"reason\": \"r\"}")
                    : http.get(path);
            assertProblem(anonymous, HttpStatus.UNAUTHORIZED, "Unauthorized");
            assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .isEqualTo("Basic realm=\"service-hall\"");
            assertThat(anonymous.getBody().get("detail")).isEqualTo(path + " needs a signed-in user (HTTP Basic) "
                                                                    + "with the right role");
            for (String user : List.of("analyst", "supervisor", "admin")) {
                ResponseEntity<Map> refused = path.endsWith("erasure")
                        ? http.as(user).post(path, "{\"reason\": \"r\"}") : http.as(user).get(path);
                assertProblem(refused, HttpStatus.FORBIDDEN, "Forbidden");
                assertThat(refused.getBody().get("detail")).asString().startsWith("User '" + user + "' (roles [");
            }
        }
        assertThat(http.as("compliance").get("/api/history/access-log").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.as("compliance").get("/api/history/no-such-history").getStatusCode())
                .as("let through to find nothing").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theAdminEndpointsAreForAdminsAndComplianceStaff() {
        assertProblem(http.get("/api/admin/anything"), HttpStatus.UNAUTHORIZED, "Unauthorized");
        assertProblem(http.as("analyst").get("/api/admin/anything"), HttpStatus.FORBIDDEN, "Forbidden");
        assertProblem(http.as("supervisor").get("/api/admin/anything"), HttpStatus.FORBIDDEN, "Forbidden");
        assertThat(http.as("admin").get("/api/admin/anything").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.as("compliance").get("/api/admin/anything").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void viewsHealthAndTheApiDocsAreOpenWithoutCredentials() {
        assertProblem(http.get(UNKNOWN_TIMELINE), HttpStatus.NOT_FOUND, "Not found");
        assertProblem(http.as("analyst").get(UNKNOWN_TIMELINE), HttpStatus.NOT_FOUND, "Not found");
        assertThat(http.get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.get("/v3/api-docs").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void wrongCredentialsAreRefusedEvenWhereNoneAreNeeded() {
        ResponseEntity<Map> wrong = http.as("analyst").withPassword("guess", UNKNOWN_TIMELINE);
        ResponseEntity<Map> unknown = http.as("mallory").withPassword("mallory", "/actuator/health");

        assertProblem(wrong, HttpStatus.UNAUTHORIZED, "Unauthorized");
        assertThat(wrong.getBody().get("detail")).isEqualTo("The user name or password is wrong");
        assertProblem(unknown, HttpStatus.UNAUTHORIZED, "Unauthorized");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiDocsSayWhichPathsNeedWhichSignInAndDocumentTheRefusals() {
        Map<String, Object> paths = (Map<String, Object>) http.get("/v3/api-docs").getBody().get("paths");
        Map<String, Object> rebuilds = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/admin/rebuilds"))
                .get("post");
        Map<String, Object> board = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/complaints/board"))
                .get("get");

        assertThat((List<Object>) rebuilds.get("security")).containsExactly(Map.of("basicAuth", List.of()));
        assertThat((Map<String, Object>) rebuilds.get("responses")).containsKeys("401", "403");
        assertThat((List<Object>) board.get("security")).containsExactly(Map.of(), Map.of("basicAuth", List.of()));
        assertThat((Map<String, Object>) board.get("responses")).doesNotContainKeys("401", "403");
    }

    private static void assertProblem(ResponseEntity<Map> response, HttpStatus status, String title) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", status.value()).containsEntry("title", title);
    }
}
