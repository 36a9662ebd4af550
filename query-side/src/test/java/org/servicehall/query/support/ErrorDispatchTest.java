package org.servicehall.query.support;

import org.junit.jupiter.api.Test;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure that escapes the API's own error handling (a streamed export, say) is dispatched to {@code /error} with
 * the failed request's query string: the error page must not be refused for parameters it never took.
 */
@QuerySideTest
class ErrorDispatchTest {

    @LocalServerPort
    int port;

    @Test
    void theErrorPageIsNotCheckedAgainstTheFailedRequestsParameters() {
        ResponseEntity<Map> error = HallClient.on(port).get("/error?from=2026-11-28T00:00:00Z&hall=dalian-01");

        assertThat(error.getStatusCode()).isNotEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(error.getBody())).doesNotContain("is not a parameter");
    }
}
