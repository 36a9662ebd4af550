package org.servicehall.command.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.testing.RawHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links the command side hands out ({@code Location}, the OpenAPI document's {@code servers}) name its public
 * base URL, never the host a request says it was sent to: a forged {@code Host} (or {@code X-Forwarded-Host}) would
 * otherwise send the next client to the forger.
 */
class PublicBaseUrlTest {

    private static final String FORGED = "attacker.example";

    /** A command's headers, signed in as a client that may send it, with forged forwarding headers. */
    private static Map<String, String> command(String path) {
        return Map.of("Content-Type", "application/json", Api.API_KEY, Api.keyFor("POST", path),
                      "X-Forwarded-Host", FORGED, "X-Forwarded-Proto", "https");
    }

    @Nested
    @CommandSideTest
    class ByDefault {

        @LocalServerPort
        int port;

        @Test
        void locationAndServersAreTheSidesOwnAddressWhateverTheHostHeaderSays() throws IOException {
            RawHttp.Answer created = new RawHttp(port).send("POST", "/api/visits", FORGED, command("/api/visits"),
                                                    "{\"hallId\": \"hall-1\"}");

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.header("Location")).matches("http://localhost:" + port + "/api/visits/[0-9a-f-]{36}");
            assertThat(servers(port)).isEqualTo("http://localhost:" + port);
        }
    }

    @Nested
    @CommandSideTest
    @TestPropertySource(properties = "hall.api.public-base-url=https://hall.example.cn/command/")
    class Configured {

        @LocalServerPort
        int port;

        @Test
        void locationAndServersAreTheConfiguredBaseUrl() throws IOException {
            RawHttp.Answer visit = new RawHttp(port).send("POST", "/api/visits", FORGED, command("/api/visits"),
                                                  "{\"hallId\": \"hall-1\"}");
            String visitId = new ObjectMapper().readTree(visit.body()).get("id").asText();
            RawHttp.Answer consultation = new RawHttp(port).send("POST", "/api/consultations", FORGED,
                                                         command("/api/consultations"),
                    "{\"visitId\": \"" + visitId + "\", \"hallId\": \"hall-1\", \"staffId\": \"clerk-2\", "
                    + "\"channel\": \"IN_PERSON\", \"topic\": \"BILLING_INQUIRY\", \"customerId\": \"cust-1\", "
                    + "\"question\": \"Why?\"}");
            String consultationId = new ObjectMapper().readTree(consultation.body()).get("id").asText();
            String workOrders = "/api/consultations/" + consultationId + "/work-orders";
            RawHttp.Answer workOrder = new RawHttp(port).send("POST", workOrders, FORGED, command(workOrders),
                    "{\"staffId\": \"clerk-2\", \"department\": \"metering\", \"dueAt\": \""
                    + java.time.Instant.now().plus(java.time.Duration.ofDays(2)) + "\", \"description\": \"Check\"}");

            assertThat(visit.header("Location")).isEqualTo("https://hall.example.cn/command/api/visits/" + visitId);
            assertThat(consultation.header("Location"))
                    .isEqualTo("https://hall.example.cn/command/api/consultations/" + consultationId);
            assertThat(workOrder.status()).as(workOrder.body()).isEqualTo(201);
            assertThat(workOrder.header("Location")).matches("https://hall\\.example\\.cn/command/api/consultations/"
                                                             + consultationId + "/work-orders/[0-9a-f-]{36}");
            assertThat(servers(port)).isEqualTo("https://hall.example.cn/command");
        }
    }

    private static String servers(int port) throws IOException {
        RawHttp.Answer document = new RawHttp(port).send("GET", "/v3/api-docs", FORGED,
                                                 Map.of("X-Forwarded-Host", FORGED), null);
        assertThat(document.status()).isEqualTo(200);
        var servers = new ObjectMapper().readTree(document.body()).get("servers");
        assertThat(servers).hasSize(1);
        return servers.get(0).get("url").asText();
    }
}
