package org.servicehall.command.http;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A family of bad requests thrown at the API: each gets its 4xx as problem+json (never a 500), names the offending
 * field where there is one, and records nothing.
 */
@CommandSideTest
@Import(ApiTestHooks.class)
class BadInputTest {

    private static final String VISITS = "/api/visits";
    private static final String PROBE = "/api/probe";
    private static final String VALID_VISIT = "{\"hallId\": \"hall-1\"}";
    private static final String GREETING = Api.greeting("guide-7");
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    @LocalServerPort
    int port;

    @Autowired
    SequencedEventStorageEngine storage;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * @param headers name/value pairs on top of the API key (a null value removes it)
     * @param field   the field the problem must name in {@code errors}, or null
     * @param allowed one allowed value the problem must list for that field, or null
     */
    record Case(String name, HttpMethod method, String path, String contentType, byte[] body, List<String> headers,
                int status, String field, String allowed) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    ObjectMapper webJson;

    /** Bodies are read into records, which stop at the first wrong token; the limit stands for any other read. */
    @Test
    void jsonNestedDeeperThanTheLimitIsRefusedAsItIsRead() throws Exception {
        assertThat(webJson.readTree("[".repeat(16) + "]".repeat(16))).isNotNull();
        assertThatThrownBy(() -> webJson.readTree("[".repeat(17) + "]".repeat(17)))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("16");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsAProblemNamingTheFieldAndRecordsNothing(Case bad) throws Exception {
        long head = storage.headPosition();

        HttpResponse<byte[]> response = send(bad);

        assertThat(response.statusCode()).isEqualTo(bad.status());
        assertThat(storage.headPosition()).as("nothing recorded").isEqualTo(head);
        if (bad.status() == 406) {
            return; // the client accepts nothing we could answer in
        }
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (bad.field() != null) {
            JsonNode error = StreamSupport.stream(problem.path("errors").spliterator(), false)
                                          .filter(entry -> bad.field().equals(entry.path("field").asText()))
                                          .findFirst().orElse(null);
            assertThat(error).as("an error naming %s in %s", bad.field(), problem).isNotNull();
            assertThat(error.path("message").asText()).isNotBlank();
            if (bad.allowed() != null) {
                assertThat(error.path("allowedValues").toString()).contains(bad.allowed());
            }
        }
    }

    /** Sent with the JDK's client, which, unlike Spring's, sends whatever it is given (an unknown charset, say). */
    private HttpResponse<byte[]> send(Case bad) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Api.API_KEY, Api.keyFor(bad.method().name(), bad.path()));
        if (bad.contentType() != null) {
            headers.put("Content-Type", bad.contentType());
        }
        for (int i = 0; i < bad.headers().size(); i += 2) {
            headers.put(bad.headers().get(i), bad.headers().get(i + 1));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path()))
                .method(bad.method().name(), bad.body() != null ? HttpRequest.BodyPublishers.ofByteArray(bad.body())
                        : HttpRequest.BodyPublishers.noBody());
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<Case> badInputs() {
        List<Case> cases = new ArrayList<>();
        // the body as a whole
        cases.add(visit("malformed JSON", "{\"hallId\": ", null));
        cases.add(visit("no body at all", "", null));
        cases.add(visit("a null body", "null", null));
        cases.add(visit("an array for the body", "[]", null));
        cases.add(visit("a string for the body", "\"hall-1\"", null));
        cases.add(visit("a number for the body", "42", null));
        cases.add(visit("a field given twice", "{\"hallId\": \"a\", \"hallId\": \"b\"}", null));
        cases.add(visit("something after the body", "{\"hallId\": \"a\"} {\"hallId\": \"b\"}", null));
        cases.add(visit("nesting a thousand deep", "{\"hallId\": " + "[".repeat(1500) + "]".repeat(1500) + "}",
                        null));
        cases.add(new Case("bytes that are not UTF-8", HttpMethod.POST, VISITS, JSON,
                           new byte[] {'{', '"', 'h', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, List.of(), 400,
                           null, null));
        cases.add(new Case("an overlong UTF-8 '/' in a string", HttpMethod.POST, VISITS, JSON,
                           new byte[] {'{', '"', 'h', 'a', 'l', 'l', 'I', 'd', '"', ':', '"', 'h', (byte) 0xC0,
                                   (byte) 0xAF, '"', '}'}, List.of(), 400, null, null));
        cases.add(new Case("a UTF-8 byte order mark", HttpMethod.POST, VISITS, JSON,
                           bytes("\uFEFF" + VALID_VISIT), List.of(), 400, null, null));
        cases.add(new Case("a NUL byte", HttpMethod.POST, VISITS, JSON, bytes("{\"hallId\": \"h\u0000\"}"),
                           List.of(), 400, null, null));
        cases.add(new Case("UTF-16 without saying so", HttpMethod.POST, VISITS, JSON,
                           VALID_VISIT.getBytes(StandardCharsets.UTF_16LE), List.of(), 400, null, null));
        cases.add(new Case("UTF-16 saying so", HttpMethod.POST, VISITS, "application/json;charset=UTF-16",
                           VALID_VISIT.getBytes(StandardCharsets.UTF_16), List.of(), 415, null, null));
        cases.add(new Case("Latin-1 saying so", HttpMethod.POST, VISITS, "application/json;charset=ISO-8859-1",
                           bytes(VALID_VISIT), List.of(), 415, null, null));
        cases.add(new Case("a form", HttpMethod.POST, VISITS, "application/x-www-form-urlencoded",
                           bytes("hallId=hall-1"), List.of(), 415, null, null));
        cases.add(new Case("a body over the size limit", HttpMethod.POST, VISITS, JSON,
                           ("{\"hallId\": \"" + "h".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                           List.of(), 413, null, null));
        // fields of the body
        cases.add(visit("an object for a string", "{\"hallId\": {\"a\": 1}}", "hallId"));
        cases.add(visit("an array for a string", "{\"hallId\": [\"x\"]}", "hallId"));
        cases.add(visit("a number for a string", "{\"hallId\": 5}", "hallId"));
        cases.add(visit("a boolean for a string", "{\"hallId\": true}", "hallId"));
        cases.add(visit("a null string", "{\"hallId\": null}", "hallId"));
        cases.add(visit("a blank string", "{\"hallId\": \"  \"}", "hallId"));
        cases.add(visit("a string too long", "{\"hallId\": \"" + "h".repeat(10_000) + "\"}", "hallId"));
        cases.add(visit("a missing field", "{}", "hallId"));
        cases.add(visit("an escaped NUL in a string", "{\"hallId\": \"hall-1\\u0000\"}", "hallId"));
        cases.add(visit("an escaped terminal control sequence", "{\"hallId\": \"\\u001b[2J\"}", "hallId"));
        cases.add(visit("an unpaired surrogate", "{\"hallId\": \"h\\ud800\"}", "hallId"));
        cases.add(visit("an id in upper case", "{\"hallId\": \"Hall-1\"}", "hallId"));
        cases.add(visit("an id with a trailing space", "{\"hallId\": \"hall-1 \"}", "hallId"));
        cases.add(visit("an id with a zero-width space", "{\"hallId\": \"hall\u200B-1\"}", "hallId"));
        cases.add(visit("an id in full-width letters", "{\"hallId\": \"ｈａｌｌ-1\"}", "hallId"));
        cases.add(visit("an unknown field", "{\"hallId\": \"h\", \"hall\": \"h\"}", "hall"));
        cases.add(probe("an unknown enum value", "method", "\"BITCOIN\"", "method", "CARD"));
        cases.add(probe("an enum value in the wrong case", "method", "\"cash\"", "method", "CASH"));
        cases.add(probe("a number for an enum", "method", "0", "method", null));
        cases.add(probe("a null enum", "method", "null", "method", "CASH"));
        cases.add(probe("a huge number", "amountFen", "99999999999999999999999", "amountFen", null));
        cases.add(probe("a huge exponent", "amountFen", "1e400", "amountFen", null));
        cases.add(probe("a fraction for a whole number", "amountFen", "1.5", "amountFen", null));
        cases.add(probe("text for a number", "amountFen", "\"12abc\"", "amountFen", null));
        cases.add(probe("a quoted number", "amountFen", "\"12\"", "amountFen", null));
        cases.add(probe("an empty string for a number", "amountFen", "\"\"", "amountFen", null));
        cases.add(probe("null for a number", "amountFen", "null", "amountFen", null));
        cases.add(probe("an int overflowing", "count", "3000000000", "count", null));
        cases.add(probe("an impossible date-time", "at", "\"2026-02-30T00:00:00Z\"", "at", null));
        cases.add(probe("a date-time without a zone", "at", "\"2026-11-28T09:30:00\"", "at", null));
        cases.add(probe("a date-time that is no date", "at", "\"yesterday\"", "at", null));
        cases.add(probe("an impossible date", "day", "\"2026-13-01\"", "day", null));
        cases.add(probe("epoch seconds for an instant", "at", "4102444800", "at", null));
        cases.add(probe("epoch seconds as text for an instant", "at", "\"4102444800\"", "at", null));
        cases.add(probe("a fraction of epoch seconds for an instant", "at", "1.5", "at", null));
        cases.add(probe("an instant in lower case", "at", "\"2026-11-28t01:30:00z\"", "at", null));
        cases.add(probe("an instant at the end of time", "at", "\"+999999999-12-31T23:59:59Z\"", "at", null));
        cases.add(probe("an instant as an array", "at", "[2026, 11, 28, 1, 30]", "at", null));
        cases.add(probe("epoch days for a date", "day", "20271231", "day", null));
        cases.add(probe("a date with a time", "day", "\"2027-12-31T00:00:00Z\"", "day", null));
        cases.add(probe("a date as an array", "day", "[2027, 12, 31]", "day", null));
        cases.add(probe("a UUID in Base64", "ref", "\"AAAAAAAAAAAAAAAAAAAAAA==\"", "ref", null));
        cases.add(probe("a UUID in short groups", "ref", "\"1-1-1-1-1\"", "ref", null));
        cases.add(probe("a UUID with a trailing space", "ref", "\"0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42 \"", "ref",
                        null));
        cases.add(probe("an enum value with a trailing NUL", "method", "\"CASH\\u0000\"", "method", "CASH"));
        cases.add(probe("an enum value with a trailing space", "method", "\"CASH \"", "method", "CASH"));
        cases.add(probe("an enum value with a zero-width space", "method", "\"CA\u200BSH\"", "method", "CASH"));
        cases.add(probe("a bad UUID in the body", "ref", "\"not-a-uuid\"", "ref", null));
        cases.add(probe("text for a boolean", "flag", "\"yes\"", "flag", null));
        cases.add(probe("a number for a boolean", "flag", "1", "flag", null));
        cases.add(probe("a string for a list", "items", "\"x\"", "items", null));
        cases.add(probe("an invalid element of a list", "items", "[{\"code\": \"a\"}, {\"code\": \"\"}]",
                        "items[1].code", null));
        cases.add(probe("a number for an object", "nested", "5", "nested", null));
        cases.add(probe("an invalid nested field", "nested", "{\"code\": null}", "nested.code", null));
        cases.add(new Case("a greeting without the weather", HttpMethod.POST,
                           VISITS + "/" + UUID.randomUUID() + "/greeting", JSON, bytes("{\"staffId\": \"g\"}"),
                           List.of(), 400, "rainy", null));
        cases.add(new Case("a missing primitive", HttpMethod.POST, PROBE, JSON,
                           "{\"method\": \"CASH\", \"count\": 1}".getBytes(StandardCharsets.UTF_8), List.of(), 400,
                           "amountFen", null));
        // path and query
        cases.add(new Case("a bad UUID in the path", HttpMethod.POST, VISITS + "/not-a-uuid/greeting", JSON,
                           bytes(GREETING), List.of(), 400, "id", null));
        cases.add(new Case("an unknown visit", HttpMethod.POST, VISITS + "/" + UUID.randomUUID() + "/greeting",
                           JSON, bytes(GREETING), List.of(), 404, null, null));
        cases.add(new Case("an unknown visit in upper case", HttpMethod.POST, VISITS + "/"
                + UUID.randomUUID().toString().toUpperCase() + "/greeting", JSON, bytes(GREETING), List.of(), 404,
                           null, null));
        cases.add(new Case("a UUID in the path with a trailing space", HttpMethod.POST, VISITS + "/"
                + UUID.randomUUID() + "%20/greeting", JSON, bytes(GREETING), List.of(), 400, "id", null));
        cases.add(new Case("a UUID in the path in short groups", HttpMethod.POST, VISITS + "/1-1-1-1-1/greeting",
                           JSON, bytes(GREETING), List.of(), 400, "id", null));
        cases.add(query("a hexadecimal number parameter", "?page=0x10", "page", null));
        cases.add(query("a number parameter with a plus", "?page=%2B1", "page", null));
        cases.add(query("a number parameter with a space", "?page=%201", "page", null));
        cases.add(query("an enum parameter with a trailing space", "?page=0&method=CASH%20", "method", "CASH"));
        cases.add(query("an enum parameter with a zero-width space", "?page=0&method=CA%E2%80%8BSH", "method",
                        "CASH"));
        cases.add(query("a date parameter without dashes", "?page=0&day=20261128", "day", null));
        cases.add(query("text for a number parameter", "?page=abc", "page", null));
        cases.add(query("a huge number parameter", "?page=99999999999", "page", null));
        cases.add(query("a negative page", "?page=-1", "page", null));
        cases.add(query("a missing parameter", "", "page", null));
        cases.add(query("an unknown enum parameter", "?page=0&method=NOPE", "method", "CASH"));
        cases.add(query("an impossible date parameter", "?page=0&day=2026-02-30", "day", null));
        // headers
        cases.add(header("an X-Client-Id, no longer read (the key says who it is)", "X-Client-Id", "ticket-machine"));
        cases.add(header("an invalid X-Staff-Id", "X-Staff-Id", "<guide>"));
        cases.add(header("an invalid X-Hall-Id", "X-Hall-Id", "hall 1"));
        cases.add(header("an X-Staff-Id in upper case", "X-Staff-Id", "Supervisor-01"));
        cases.add(header("an Accept that is no media type", "Accept", "0x10"));
        cases.add(header("an Accept with a bad quality", "Accept", "application/json;q=x"));
        cases.add(header("an X-Client-Id in upper case", "X-Client-Id", "Ticket-Machine"));
        cases.add(header("an X-Occurred-At in lower case", "X-Occurred-At", "2026-11-28t01:30:00z"));
        cases.add(header("an X-Occurred-At in epoch seconds", "X-Occurred-At",
                         Long.toString(Instant.now().getEpochSecond())));
        cases.add(header("an X-Occurred-At that is no date", "X-Occurred-At", "yesterday"));
        cases.add(header("an X-Occurred-At without a zone", "X-Occurred-At", "2026-11-28T09:30:00"));
        cases.add(header("an impossible X-Occurred-At", "X-Occurred-At", "2026-02-30T09:30:00Z"));
        cases.add(header("an X-Occurred-At in the future", "X-Occurred-At",
                         Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        cases.add(header("an X-Occurred-At long past", "X-Occurred-At",
                         Instant.now().minus(30, ChronoUnit.DAYS).toString()));
        cases.add(header("an X-Occurred-At at the end of time", "X-Occurred-At", "+999999999-12-31T23:59:59Z"));
        cases.add(header("an X-Correlation-Id with spaces", "X-Correlation-Id", "my correlation"));
        cases.add(header("an If-Match that is no version", "If-Match", "\"abc\""));
        cases.add(header("a weak If-Match", "If-Match", "W/\"1\""));
        cases.add(header("an If-Match too large", "If-Match", "\"99999999999999999999\""));
        cases.add(header("a negative If-Match", "If-Match", "\"-1\""));
        cases.add(header("several versions in If-Match", "If-Match", "\"1\", \"2\""));
        cases.add(header("an Idempotency-Key too long", "Idempotency-Key", "k".repeat(300)));
        cases.add(header("an Idempotency-Key with a space", "Idempotency-Key", "my key"));
        // media types and methods
        cases.add(new Case("a text body", HttpMethod.POST, VISITS, "text/plain", bytes("hall-1"), List.of(), 415,
                           null, null));
        cases.add(new Case("an XML body", HttpMethod.POST, VISITS, "application/xml",
                           bytes("<hallId>h</hallId>"), List.of(), 415, null, null));
        cases.add(new Case("an unknown charset", HttpMethod.POST, VISITS, "application/json;charset=klingon",
                           bytes(VALID_VISIT), List.of(), 415, null, null));
        cases.add(new Case("accepting only text", HttpMethod.POST, VISITS, JSON, bytes(VALID_VISIT),
                           List.of("Accept", "text/plain"), 406, null, null));
        cases.add(new Case("a method the path does not take", HttpMethod.DELETE, VISITS, null, null, List.of(), 405,
                           null, null));
        return cases;
    }

    private static Case visit(String name, String body, String field) {
        return new Case(name, HttpMethod.POST, VISITS, JSON, bytes(body), List.of(), 400, field, null);
    }

    /** The probe's valid body with member {@code key} set to {@code value} (JSON). */
    private static Case probe(String name, String key, String value, String field, String allowed) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("method", "\"CASH\"");
        members.put("amountFen", "100");
        members.put("count", "1");
        members.put(key, value);
        String body = members.entrySet().stream().map(member -> "\"" + member.getKey() + "\": " + member.getValue())
                             .collect(Collectors.joining(", ", "{", "}"));
        return new Case(name, HttpMethod.POST, PROBE, JSON, bytes(body), List.of(), 400, field, allowed);
    }

    private static Case query(String name, String query, String field, String allowed) {
        return new Case(name, HttpMethod.GET, PROBE + query, null, null, List.of(), 400, field, allowed);
    }

    private static Case header(String name, String header, String value) {
        List<String> headers = new ArrayList<>();
        headers.add(header);
        headers.add(value);
        return new Case(name, HttpMethod.POST, VISITS, JSON, bytes(VALID_VISIT), headers, 400, header, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
