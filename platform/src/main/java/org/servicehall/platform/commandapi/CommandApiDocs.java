package org.servicehall.platform.commandapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.servicehall.platform.values.ExactValues;
import org.servicehall.platform.values.Ids;
import org.servicehall.platform.web.ApiDocs;
import org.servicehall.platform.web.HallHeaders;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Map;

import static org.servicehall.platform.web.ApiDocs.header;
import static org.servicehall.platform.web.ApiDocs.problemExample;
import static org.servicehall.platform.web.ApiDocs.problemResponse;

/**
 * Documents, once, what every command endpoint shares: the request headers, the response headers of a success, and
 * the problem responses (409, 412, 413, 415, 422) with examples. Controllers only describe their own request.
 */
final class CommandApiDocs {

    private static final List<String> PARAMETERS = List.of(HallHeaders.STAFF_ID,
                                                           HallHeaders.HALL_ID, HallHeaders.OCCURRED_AT,
                                                           HallHeaders.IDEMPOTENCY_KEY, HttpHeaders.IF_MATCH);

    private CommandApiDocs() {
    }

    static OpenApiCustomizer commandParts() {
        return openApi -> {
            Components components = ApiDocs.components(openApi);
            parameters(components);
            responseHeaders(components);
            problemResponses(components);
            ApiDocs.forEachApiOperation(openApi, (path, method, operation) -> {
                if (!CommandHeadersFilter.COMMAND_METHODS.contains(method.name())
                        || path.startsWith(CommandHeadersFilter.ADMIN_PATHS)) {
                    return;
                }
                PARAMETERS.forEach(name -> ApiDocs.addParameter(operation, name));
                ApiDocs.addResponse(operation, "409", "Conflict");
                ApiDocs.addResponse(operation, "412", "PreconditionFailed");
                ApiDocs.addResponse(operation, "413", "PayloadTooLarge");
                ApiDocs.addResponse(operation, "415", "UnsupportedMediaType");
                ApiDocs.addResponse(operation, "422", "IdempotencyKeyReused");
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2") && response.get$ref() == null) {
                        ApiDocs.addHeader(response, HttpHeaders.ETAG);
                        ApiDocs.addHeader(response, HallHeaders.IDEMPOTENT_REPLAYED);
                        if (status.equals("201")) {
                            ApiDocs.addHeader(response, HttpHeaders.LOCATION);
                        }
                    }
                });
            });
        };
    }

    private static final String ID = Ids.RULE.replaceFirst("^must be ", "");

    private static void parameters(Components components) {
        components.addParameters(HallHeaders.STAFF_ID, header(HallHeaders.STAFF_ID, false,
                "The staff member acting, recorded on every event, when the body has no staffId (the body wins). "
                        + "An id: " + ID, "guide-07"));
        components.addParameters(HallHeaders.HALL_ID, header(HallHeaders.HALL_ID, false,
                "The hall, recorded on every event, when the body has no hallId (the body wins). An id: " + ID,
                "dalian-01"));
        components.addParameters(HallHeaders.OCCURRED_AT, header(HallHeaders.OCCURRED_AT, false,
                "When it happened in the hall, " + ExactValues.INSTANT_RULE + "; defaults to when the request "
                        + "arrived. At "
                        + "most hall.api.occurred-at.max-skew (5m) ahead of the server's clock and max-age (7d) "
                        + "behind it", "2026-11-28T09:30:00+08:00"));
        components.addParameters(HallHeaders.IDEMPOTENCY_KEY, header(HallHeaders.IDEMPOTENCY_KEY, false,
                "Makes the command safe to retry: the same key (per client) with the same request gets the "
                        + "first response again (with Idempotent-Replayed: true) and records nothing new; with a "
                        + "different request, 422; while the first is still running, 409 with Retry-After. 2xx and "
                        + "404/409 rule/412 responses are kept 24 h; input errors, 409 concurrent change and 5xx are "
                        + "not, so a retry runs again. 1 to 255 visible ASCII characters",
                "5c1f0f3e-8d2a-4b7e-9f60-1a2b3c4d5e6f"));
        components.addParameters(HttpHeaders.IF_MATCH, header(HttpHeaders.IF_MATCH, false,
                "Makes the command conditional: the version (ETag) the aggregate must be at, else 412 and nothing "
                        + "is recorded", "\"1\""));
    }

    private static void responseHeaders(Components components) {
        components.addHeaders(HttpHeaders.ETAG, new Header().schema(new StringSchema()).example("\"1\"")
                .description("The aggregate's version now, quoted; send it back as If-Match"));
        components.addHeaders(HttpHeaders.LOCATION, new Header().schema(new StringSchema())
                .example("http://localhost:8080/api/visits/0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42")
                .description("Where the new aggregate lives"));
        components.addHeaders(HallHeaders.IDEMPOTENT_REPLAYED, new Header().schema(new StringSchema()).example("true")
                .description("Present (true) when this is the kept response of an earlier request with the same "
                                     + "Idempotency-Key"));
        components.addHeaders(HttpHeaders.RETRY_AFTER, new Header().schema(new StringSchema()).example("1")
                .description("Seconds to wait before retrying (request with this Idempotency-Key in progress)"));
    }

    private static void problemResponses(Components components) {
        ApiResponse conflict = problemResponse(
                "The command breaks a rule of the hall (`rule` names it; retrying will not help), or another writer "
                        + "changed the aggregate at the same moment (retry), or the first request with this "
                        + "Idempotency-Key is still running (retry after Retry-After). Nothing was recorded.",
                Map.of("ruleViolated", problemExample(409, "Rule violated", "Visit 0b7e3e4a-5f1c-4d8e-9a51-"
                               + "2f0c6d1e8b42 is over: the customer was seen off and the visit accepts nothing more",
                                                      Map.of("rule", "visit-over")),
                       "concurrentChange", problemExample(409, "Concurrent change", "Someone else changed this at "
                               + "the same moment; nothing was recorded. Retry the request.", Map.of()),
                       "inProgress", problemExample(409, "Request in progress", "The first request with this "
                               + "Idempotency-Key is still being handled; retry shortly to get its response.",
                                                    Map.of())));
        ApiDocs.addHeader(conflict, HttpHeaders.RETRY_AFTER);
        components.addResponses("Conflict", conflict);
        components.addResponses("PreconditionFailed", problemResponse(
                "If-Match named another version than the aggregate's (or a version of something not created yet). "
                        + "Nothing was recorded.",
                Map.of("staleVersion", problemExample(412, "Precondition failed", "It is at version 3, not at "
                        + "version 2 as If-Match expected; nothing was recorded. Read it again.",
                                                      Map.of("expectedVersion", 2, "currentVersion", 3)))));
        components.addResponses("PayloadTooLarge", problemResponse("The body is larger than hall.api.max-body-size.",
                Map.of("tooLarge", problemExample(413, "Payload too large",
                                                  "A command body may have at most 262144 bytes", Map.of()))));
        components.addResponses("UnsupportedMediaType", problemResponse("The body is not application/json.",
                Map.of("notJson", problemExample(415, "Unsupported Media Type",
                                                 "Content-Type 'text/plain;charset=ISO-8859-1' is not supported.",
                                                 Map.of()))));
        components.addResponses("IdempotencyKeyReused", problemResponse(
                "The Idempotency-Key was used for a different request. Nothing was done.",
                Map.of("keyReused", problemExample(422, "Idempotency-Key reused", "This Idempotency-Key was used "
                        + "for a different request; nothing was done. Use a new key for a new request.",
                                                   Map.of()))));
    }
}
