package org.servicehall.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.testing.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error is problem+json, also those no controller answers: what Tomcat refuses itself (a malformed request
 * line, URI or header, a header section too large, TRACE, an unsupported transfer coding or HTTP version), a path
 * nothing is mapped to, {@code /error}, and the limits of a request (headers, parameters, a body sent chunked), each a
 * 4xx naming what is wrong, none a 5xx, nothing recorded. Written byte for byte: no HTTP client sends these.
 */
@CommandSideTest
class ProblemsEverywhereTest {

    @LocalServerPort
    int port;

    @Autowired
    SequencedEventStorageEngine storage;

    private final ObjectMapper json = new ObjectMapper();

    /** @param detail a part of the problem's detail, or of its one error's message */
    record Case(String name, String request, int status, String detail) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> malformedRequests() {
        String manyHeaders = IntStream.range(0, 60).mapToObj(i -> "X-H" + i + ": 1\r\n").collect(Collectors.joining());
        String manyParameters = IntStream.range(0, 150).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        return List.of(
                new Case("a malformed request line", "GE T /api/visits HTTP/1.1\r\nHost: x\r\n\r\n", 400, null),
                new Case("a method with a control character", "G\u0001T /api/visits HTTP/1.1\r\nHost: x\r\n\r\n",
                         400, null),
                new Case("a bad percent-encoding in the path", get("/api/visits/%ZZ/greeting", ""), 400,
                         "Invalid URI"),
                new Case("an encoded slash in the path", get("/api/visits%2Fx", ""), 400, "encoded slash"),
                new Case("an unencoded byte above ASCII in the path", get("/api/vis\u00e9ts", ""), 400, null),
                new Case("a header line without a colon", get("/api/visits", "Bad Header 1\r\n"), 400, null),
                new Case("a header name with a space", get("/api/visits", "Bad Header: 1\r\n"), 400, null),
                new Case("a header value with a C1 control character", get("/api/visits", "X-Staff-Id: a\u0085b\r\n"),
                         400, "must not hold control characters"),
                new Case("a header value with a tab", get("/api/visits", "X-Note: a\tb\r\n"), 400,
                         "must not hold control characters"),
                new Case("two Host headers", get("/api/visits", "Host: y\r\n"), 400, null),
                new Case("a header section over the size limit", get("/api/visits", "X-Big: " + "a".repeat(20_000)
                        + "\r\n"), 431, "too large or too many"),
                new Case("more headers than allowed", get("/api/visits", manyHeaders), 431, "too large or too many"),
                new Case("more parameters than allowed", get("/api/visits?" + manyParameters, ""), 400,
                         "more than 100 parameters"),
                new Case("a bad percent-encoding in the query", get("/api/visits?hall=%ZZ", ""), 400,
                         "not percent-encoded UTF-8"),
                new Case("an overlong UTF-8 '/' in the query", get("/api/visits?hall=%C0%AF", ""), 400,
                         "not percent-encoded UTF-8"),
                new Case("a NUL in a parameter name", get("/api/visits?%00=1", ""), 400, "control characters"),
                new Case("a NUL in a parameter value", get("/api/visits?hall=a%00", ""), 400, "control characters"),
                new Case("TRACE", "TRACE /api/visits HTTP/1.1\r\nHost: x\r\n\r\n", 405, "TRACE"),
                new Case("CONNECT", "CONNECT localhost:80 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "CONNECT"),
                new Case("a method nothing takes", "PROPFIND /api/visits HTTP/1.1\r\nHost: x\r\n\r\n", 405, null),
                new Case("an unsupported transfer coding", "POST /api/visits HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: gzip\r\n\r\n", 400, null),
                new Case("an HTTP version from the future", "GET /api/visits HTTP/9.9\r\nHost: x\r\n\r\n", 400, null),
                new Case("two lengths", "POST /api/visits HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                        + "Content-Length: 3\r\n\r\n{}", 400, null),
                new Case("a length that is no number", "POST /api/visits HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Length: two\r\n\r\n{}", 400, null),
                new Case("the error page", get("/error", ""), 404, null),
                new Case("the error page with a failed request's parameters", get("/error?from=2026-11-28&x=%3C", ""),
                         404, null),
                new Case("a path nothing is mapped to", get("/nothing/here", ""), 404, null),
                new Case("an API path nothing is mapped to", get("/api/nothing", ""), 404, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void aMalformedRequestIsAProblemAndRecordsNothing(Case bad) throws Exception {
        long head = storage.headPosition();

        RawHttp.Answer answer = new RawHttp(port).send(bad.request());

        assertProblem(answer, bad.status(), bad.detail());
        assertThat(answer.header("X-Correlation-Id")).as("a correlation id on every answer").isNotBlank();
        assertThat(storage.headPosition()).as("nothing recorded").isEqualTo(head);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAsItIsReadNotAfterItAllCame() throws Exception {
        long head = storage.headPosition();
        String start = "POST /api/visits HTTP/1.1\r\nHost: x\r\n" + credentials()
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

        // 20 MB that never end: an answer can only come from a server that stopped reading at the limit
        RawHttp.Answer answer = new RawHttp(port).sendEndlessBody(start, "{\"hallId\": \"", 10_000, 2_000);

        assertProblem(answer, 413, "at most 262144 bytes");
        assertThat(answer.header("Connection")).isEqualTo("close");
        assertThat(storage.headPosition()).as("nothing recorded").isEqualTo(head);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsTaken() throws Exception {
        String body = "{\"hallId\": \"hall-1\"}";
        RawHttp.Answer answer = new RawHttp(port).send("POST /api/visits HTTP/1.1\r\nHost: x\r\n" + credentials()
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private void assertProblem(RawHttp.Answer answer, int status, String detail) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (detail != null) {
            assertThat(problem.path("detail").asText()).contains(detail);
        }
    }

    private static String get(String target, String headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + credentials() + headers + "Connection: close\r\n\r\n";
    }

    private static String credentials() {
        return Api.API_KEY + ": " + Api.keyFor("POST", "/api/visits") + "\r\n";
    }
}
