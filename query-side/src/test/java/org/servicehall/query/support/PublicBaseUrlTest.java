package org.servicehall.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.RawHttp;
import org.servicehall.query.QuerySideTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links the query side hands out (a rebuild's {@code Location}, the OpenAPI document's {@code servers}) name its
 * public base URL, never the host a request says it was sent to.
 */
class PublicBaseUrlTest {

    private static final String FORGED = "attacker.example";
    private static final Map<String, String> AS_ADMIN = Map.of(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)),
            "Content-Type", "application/json",
            "X-Forwarded-Host", FORGED);

    @Nested
    @QuerySideTest
    class ByDefault {

        @LocalServerPort
        int port;

        @Test
        void locationAndServersAreTheSidesOwnAddressWhateverTheHostHeaderSays() throws IOException {
            assertThat(rebuildLocation(port)).matches("http://localhost:" + port + "/api/admin/rebuilds/[0-9a-f-]+");
            assertThat(servers(port)).isEqualTo("http://localhost:" + port);
        }
    }

    @Nested
    @QuerySideTest
    @TestPropertySource(properties = "hall.api.public-base-url=https://hall.example.cn/views")
    class Configured {

        @LocalServerPort
        int port;

        @Test
        void locationAndServersAreTheConfiguredBaseUrl() throws IOException {
            assertThat(rebuildLocation(port))
                    .matches("https://hall\\.example\\.cn/views/api/admin/rebuilds/[0-9a-f-]+");
            assertThat(servers(port)).isEqualTo("https://hall.example.cn/views");
        }
    }

    private static String rebuildLocation(int port) throws IOException {
        RawHttp.Answer requested = new RawHttp(port).send("POST", "/api/admin/rebuilds", FORGED, AS_ADMIN,
                                                  "{\"view\": \"visit-search\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        return requested.header("Location");
    }

    private static String servers(int port) throws IOException {
        RawHttp.Answer document = new RawHttp(port).send("GET", "/v3/api-docs", FORGED, Map.of(), null);
        assertThat(document.status()).isEqualTo(200);
        JsonNode servers = new ObjectMapper().readTree(document.body()).get("servers");
        assertThat(servers).hasSize(1);
        return servers.get(0).get("url").asText();
    }
}
