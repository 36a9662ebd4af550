package org.servicehall.command.clients;

import org.junit.jupiter.api.Test;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.signin.TestSignIn;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests per client and per user are limited, and wrong keys from one address block it for a while. */
@CommandSideTest
@TestPropertySource(properties = {"hall.security.rate-limit.client-requests=10",
        "hall.security.rate-limit.user-requests=10", "hall.security.rate-limit.period=1h",
        "hall.security.throttle.failures-per-address=5", "hall.security.throttle.window=1h"})
class LimitsTest {

    private static final String VISITS = "/api/visits";
    private static final String VISIT = "{\"hallId\": \"hall-1\"}";

    @LocalServerPort
    int port;

    /** One test, in order: the wrong keys at its end block the address for everything after them. */
    @Test
    void aClientOrUserOverItsAllowanceAndAnAddressAfterWrongKeysGet429WithRetryAfter() {
        Api api = new Api(port).as(ClientKind.TICKET_MACHINE);
        for (int i = 0; i < 10; i++) {
            assertThat(api.post(VISITS, VISIT).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        ResponseEntity<Map> limited = api.post(VISITS, VISIT);
        assertTooMany(limited);
        assertThat(limited.getBody().get("detail").toString())
                .startsWith("Client 'test-ticket-machine' may make 10 requests per 1h");
        assertThat(api.as(ClientKind.GUIDE_TABLET).post(VISITS, VISIT).getStatusCode())
                .as("another client has its own allowance").isEqualTo(HttpStatus.CREATED);
        for (int i = 0; i < 10; i++) {
            assertThat(admin(api).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertTooMany(admin(api));

        for (int i = 0; i < 5; i++) {
            assertThat(api.post(VISITS, VISIT, Api.API_KEY, "shk_guess-" + i).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<Map> throttled = api.as(ClientKind.COUNTER_TERMINAL).post("/api/visits/"
                + java.util.UUID.randomUUID() + "/counter-call", "{}");
        assertTooMany(throttled);
        assertThat(throttled.getBody().get("detail").toString()).startsWith("Too many failed sign-ins");
        assertThat(Long.parseLong(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isGreaterThan(3000).isLessThanOrEqualTo(3600);
    }

    private static ResponseEntity<Map> admin(Api api) {
        return api.http().get().uri("/api/admin/clients").header(HttpHeaders.AUTHORIZATION, TestSignIn.basic("admin"))
                  .retrieve().toEntity(Map.class);
    }

    private static void assertTooMany(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(response.getBody()).containsEntry("status", 429);
    }
}
