package org.servicehall.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side serves its OpenAPI document and Swagger UI; every command endpoint is documented with examples. */
@CommandSideTest
@Import(ApiTestHooks.class)
class OpenApiTest {

    private static final Set<String> COMMAND_METHODS = Set.of("post", "put", "patch", "delete");

    @LocalServerPort
    int port;

    @Test
    void theDocumentListsTheVisitEndpointsWithExamplesHeadersAndProblems() throws Exception {
        ResponseEntity<String> response = new Api(port).http().get().uri("/v3/api-docs").retrieve()
                                                       .toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode document = new ObjectMapper().readTree(response.getBody());

        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.at("/info/title").asText()).contains("command side");
        assertThat(document.at("/info/description").asText()).contains("X-Api-Key");
        JsonNode paths = document.path("paths");
        assertThat(paths.has("/api/visits")).isTrue();
        for (String path : List.of("/api/visits/{id}/greeting", "/api/visits/{id}/routing",
                                   "/api/visits/{id}/see-off")) {
            JsonNode operation = paths.path(path).path("post");
            assertThat(operation.path("summary").asText()).as(path).isNotBlank();
            assertThat(operation.at("/responses/200/content/application~1json/schema/$ref").asText())
                    .endsWith("/CommandResult");
            assertThat(operation.at("/responses/404/$ref").asText()).endsWith("/NotFound");
            JsonNode id = parameter(operation, "id");
            assertThat(id.path("example").asText()).isNotBlank();
        }
        JsonNode start = paths.path("/api/visits").path("post");
        assertThat(start.at("/responses/201/headers/Location/$ref").asText()).endsWith("/Location");
        assertThat(start.at("/responses/201/headers/ETag/$ref").asText()).endsWith("/ETag");
        assertThat(start.at("/responses/201/headers/X-Correlation-Id/$ref").asText()).isNotBlank();
        assertThat(start.at("/responses/409/$ref").asText()).endsWith("/Conflict");
        assertThat(start.at("/responses/412/$ref").asText()).endsWith("/PreconditionFailed");
        assertThat(start.at("/responses/422/$ref").asText()).endsWith("/IdempotencyKeyReused");
        assertThat(refs(start.path("parameters")))
                .contains("X-Staff-Id", "X-Hall-Id", "X-Occurred-At", "X-Correlation-Id", "Idempotency-Key",
                          "If-Match")
                .doesNotContain("X-Client-Id");
        assertThat(document.at("/components/schemas/StartVisitRequest/properties/hallId/example").asText())
                .isEqualTo("dalian-01");
        assertThat(document.at("/components/responses/Conflict/content/application~1problem+json/examples"
                                       + "/ruleViolated/value/rule").asText()).isEqualTo("visit-over");
    }

    /** Enforced for every command endpoint, including those still to come. */
    @Test
    void everyCommandEndpointHasExamplesForItsRequestAndItsAnswers() throws Exception {
        JsonNode document = new ObjectMapper().readTree(new Api(port).http().get().uri("/v3/api-docs").retrieve()
                                                                     .body(String.class));
        List<String> missing = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/") || path.getKey().startsWith("/api/probe")) {
                continue; // the probe is a test's own endpoint
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (!COMMAND_METHODS.contains(operation.getKey())) {
                    return;
                }
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                if (operation.getValue().has("requestBody")) {
                    JsonNode request = operation.getValue().at("/requestBody/content/application~1json/schema");
                    examplesMissing(document, request, where + " request", missing);
                }
                operation.getValue().path("responses").fields().forEachRemaining(answer -> {
                    if (answer.getKey().startsWith("2")) {
                        answer.getValue().path("content").forEach(media -> examplesMissing(
                                document, media.path("schema"), where + " " + answer.getKey(), missing));
                    } else {
                        assertThat(answer.getValue().path("$ref").asText()).as(where + " " + answer.getKey())
                                                                         .startsWith("#/components/responses/");
                    }
                });
            });
        }
        assertThat(missing).as("properties without an example").isEmpty();
    }

    @Test
    void theDocumentDeclaresWhoMayCallEachOperationFromTheTable() throws Exception {
        JsonNode document = new ObjectMapper().readTree(new Api(port).http().get().uri("/v3/api-docs").retrieve()
                                                                     .body(String.class));

        assertThat(document.at("/components/securitySchemes/apiKey/type").asText()).isEqualTo("apiKey");
        assertThat(document.at("/components/securitySchemes/apiKey/in").asText()).isEqualTo("header");
        assertThat(document.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Api-Key");
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
        JsonNode refund = document.at("/paths/~1api~1payments~1{id}~1refunds/post");
        assertThat(refund.path("security").toString()).isEqualTo("[{\"apiKey\":[]}]");
        assertThat(refund.at("/x-callers/clientKinds").toString()).isEqualTo("[\"PAYMENT_TERMINAL\"]");
        assertThat(refund.at("/x-callers/roles").toString()).isEqualTo("[]");
        assertThat(refund.path("description").asText())
                .contains("Who may call it: integrator clients of kind PAYMENT_TERMINAL.");
        assertThat(refs(refund.path("parameters"))).doesNotContain("X-Authorised-By");
        assertThat(parameter(refund, "X-Authorised-By").path("required").asBoolean()).isTrue();
        JsonNode start = document.at("/paths/~1api~1visits/post");
        assertThat(start.at("/x-callers/clientKinds").toString()).isEqualTo("[\"TICKET_MACHINE\",\"GUIDE_TABLET\"]");
        JsonNode createClient = document.at("/paths/~1api~1admin~1clients/post");
        assertThat(createClient.path("security").toString())
                .isEqualTo("[{\"basicAuth\":[]},{\"bearerAuth\":[]}]");
        assertThat(createClient.at("/x-callers/roles").toString()).isEqualTo("[\"ADMIN\"]");
        for (JsonNode operation : List.of(refund, start, createClient)) {
            for (String status : List.of("401", "403", "429")) {
                assertThat(operation.at("/responses/" + status + "/$ref").asText()).isNotBlank();
            }
        }
        assertThat(document.at("/components/responses/TooManyRequests/headers/Retry-After").isMissingNode())
                .isFalse();
    }

    @Test
    void swaggerUiIsServed() {
        ResponseEntity<String> ui = new Api(port).http().get().uri("/swagger-ui/index.html").retrieve()
                                                 .toEntity(String.class);

        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    }

    private static void examplesMissing(JsonNode document, JsonNode schema, String where, List<String> missing) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring("#/components/schemas/".length());
            examplesMissing(document, document.at("/components/schemas/" + name), where + " " + name, missing);
            return;
        }
        if (schema.has("example") || schema.has("enum")) {
            return;
        }
        if (schema.has("items")) {
            examplesMissing(document, schema.path("items"), where + "[]", missing);
        } else if (schema.has("properties")) {
            schema.path("properties").fields().forEachRemaining(property -> examplesMissing(
                    document, property.getValue(), where + "." + property.getKey(), missing));
        } else {
            missing.add(where);
        }
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private static List<String> refs(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> {
            String ref = parameter.path("$ref").asText();
            if (!ref.isEmpty()) {
                names.add(ref.substring(ref.lastIndexOf('/') + 1));
            }
        });
        return names;
    }
}
