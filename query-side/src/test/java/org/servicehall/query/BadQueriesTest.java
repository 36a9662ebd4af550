package org.servicehall.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicehall.platform.testing.RawHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and malformed reads: each is a 4xx problem+json naming the parameter, none a 500 (a NUL in a parameter
 * name, an operator in one, an instant at the end of time were), nothing silently dropped or read another way than
 * written (a bad percent-encoding, {@code 0x10}, {@code yes}, an enum value or id with a space or an invisible
 * character), every path id checked before anything is read, and no wait for a position no command was given.
 */
@QuerySideTest
class BadQueriesTest {

    private static final String DAY = "from=2026-11-28T00:00:00Z&to=2026-11-29T00:00:00Z";

    @LocalServerPort
    int port;

    /**
     * @param user  who reads, or null for no one
     * @param field the parameter the problem must name, or null (refused before anything looks at parameters)
     */
    record Case(String name, String user, String pathAndQuery, int status, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> badReads() {
        String visit = UUID.randomUUID().toString();
        return List.of(
                new Case("a NUL in a parameter name", null, "/api/audit/rules?%00=1", 400, "\u0000"),
                new Case("a NUL in a parameter value", null, "/api/complaints?hall=a%00", 400, "hall"),
                new Case("an operator in a parameter name", "compliance",
                         "/api/history/export?" + DAY + "&eventType%5B%24gt%5D=", 400, "eventType[$gt]"),
                new Case("an index in a parameter name", "compliance", "/api/history/export?" + DAY + "&hall%5B0%5D=x",
                         400, "hall[0]"),
                new Case("an instant at the start of time", "compliance",
                         "/api/history/access-log?from=-999999999-01-01T00:00:00Z", 400, "from"),
                new Case("an instant at the end of time", "compliance",
                         "/api/history/export?from=2026-11-28T00:00:00Z&to=%2B999999999-12-31T23:59:59Z", 400, "to"),
                new Case("epoch milliseconds for an instant", "compliance", "/api/history/access-log?from=1764288000000",
                         400, "from"),
                new Case("an instant in lower case", "compliance", "/api/history/access-log?from=2026-11-28t00:00:00z",
                         400, "from"),
                new Case("an overlong UTF-8 '/'", null, "/api/complaints?hall=a%C0%AF", 400, "hall"),
                new Case("a hexadecimal page", null, "/api/complaints?page=0x10", 400, "page"),
                new Case("a page with a plus", null, "/api/complaints?page=%2B1", 400, "page"),
                new Case("a page with a space", null, "/api/complaints?page=1%20", 400, "page"),
                new Case("yes for a boolean", null, "/api/visits?hall=hall-1&routingError=yes", 400, "routingError"),
                new Case("1 for a boolean", null, "/api/work-orders?overdue=1", 400, "overdue"),
                new Case("an enum value with a trailing space", null, "/api/complaints?deadline=AT_RISK%20", 400,
                         "deadline"),
                new Case("an enum value with a zero-width space", null, "/api/complaints?deadline=AT%E2%80%8B_RISK",
                         400, "deadline"),
                new Case("a hall id in upper case", null, "/api/complaints?hall=Dalian-01", 400, "hall"),
                new Case("a hall id with a trailing space", null, "/api/complaints?hall=dalian-01%20", 400, "hall"),
                new Case("a hall id with a zero-width space", null, "/api/visits?hall=dalian%E2%80%8B-01", 400,
                         "hall"),
                new Case("a staff id in upper case", null, "/api/visits?hall=hall-1&staff=Clerk-02", 400, "staff"),
                new Case("a cashier's id with a trailing space", null, "/api/tills?cashier=cashier-1%20", 400,
                         "cashier"),
                new Case("a date without dashes", null, "/api/figures?hall=hall-1&from=20261123&to=2026-11-29", 400,
                         "from"),
                new Case("a malformed visit id", null, "/api/visits/not-a-uuid/timeline", 400, "id"),
                new Case("a visit id in short groups", null, "/api/visits/1-1-1-1-1/timeline", 400, "id"),
                new Case("a visit id with a trailing space", null, "/api/visits/" + visit + "%20/timeline", 400, "id"),
                new Case("a malformed payment id", null, "/api/payments/pay-1", 400, "id"),
                new Case("a malformed history id", "compliance", "/api/history/payments/pay-1", 400, "id"),
                new Case("a position in hexadecimal", null, "/api/visits?hall=hall-1&awaitPosition=0x10", 400,
                         "awaitPosition"),
                new Case("a position beyond the event store's head", null,
                         "/api/visits?hall=hall-1&awaitPosition=999999999999", 400, "awaitPosition"),
                new Case("an unknown visit", null, "/api/visits/" + visit + "/timeline", 404, null),
                new Case("an unknown visit in upper case", null, "/api/visits/" + visit.toUpperCase() + "/timeline",
                         404, null),
                new Case("a double slash, which the firewall refuses", null, "/api//complaints", 400, null),
                new Case("a path parameter, which the firewall refuses", null, "/api/complaints;x=1", 400, null),
                new Case("an encoded dot segment, which the firewall refuses", null, "/api/%2e%2e/complaints", 400,
                         null),
                new Case("the error page", null, "/error?from=2026-11-28T00:00:00Z&hall=dalian-01", 404, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReads")
    void aBadReadIsAProblemNamingWhatIsWrong(Case bad) {
        HallClient http = bad.user() == null ? HallClient.on(port) : HallClient.on(port).as(bad.user());

        ResponseEntity<Map> response = http.getExactly(bad.pathAndQuery());

        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(bad.status());
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail")).isNotNull();
        if (bad.field() != null) {
            assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
                    .extracting(error -> error.get("field")).contains(bad.field());
        }
    }

    @Test
    void aWaitForAPositionBeyondTheHeadIsRefusedSayingSo() {
        ResponseEntity<Map> response = HallClient.on(port).getExactly("/api/visits/" + UUID.randomUUID()
                + "/timeline", "X-Await-Position", Long.toString(Long.MAX_VALUE));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().get("X-View-Behind")).isNull();
        assertThat(response.getBody().get("detail").toString()).contains("X-Await-Position", "beyond the last position");
    }

    @Test
    void jsonIsUtf8WhateverCharsetIsAskedFor() {
        ResponseEntity<Map> utf16 = HallClient.on(port).getExactly("/api/complaints", "Accept",
                                                                   "application/json;charset=UTF-16");
        ResponseEntity<Map> malformed = HallClient.on(port).getExactly("/api/complaints", "Accept", "0x10");

        assertThat(utf16.getStatusCode().value()).isEqualTo(200);
        assertThat(utf16.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(malformed.getBody().get("errors").toString()).contains("field=Accept", "in=header");
    }

    @Test
    void aCustomerIdIsAnIdToo() {
        ResponseEntity<Map> response = HallClient.on(port).as("compliance")
                                                 .post("/api/customers/C-0101234567/erasure", "{\"reason\": \"x\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").toString()).contains("field=customerId", "in=path");
    }

    @Test
    void aBadPercentEncodingIsNamedNotDropped() throws Exception {
        RawHttp.Answer answer = new RawHttp(port).send("GET /api/complaints?hall=a%ZZ&page=0 HTTP/1.1\r\nHost: x\r\n"
                                                               + "Connection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"hall\"", "not percent-encoded UTF-8");
    }

    @Test
    void whatTomcatRefusesItselfIsAProblemToo() throws Exception {
        RawHttp raw = new RawHttp(port);

        for (String request : List.of("GE T /api/complaints HTTP/1.1\r\nHost: x\r\n\r\n",
                                      "TRACE /api/complaints HTTP/1.1\r\nHost: x\r\n\r\n",
                                      "GET /api/complaints HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                                              + "\r\n\r\n",
                                      "GET /api/complaints?hall=a%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                      "GET /api/complaints HTTP/1.1\r\nHost: x\r\nX-A: a\u0085\r\n"
                                              + "Connection: close\r\n\r\n")) {
            RawHttp.Answer answer = raw.send(request);
            assertThat(answer.status()).as(request).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(request).startsWith("application/problem+json");
        }
    }
}
