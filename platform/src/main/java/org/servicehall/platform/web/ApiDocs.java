package org.servicehall.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.constraints.Pattern;
import org.servicehall.platform.values.Ids;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of the OpenAPI documents both sides share: the title and description (per side, from {@code hall.api.*}),
 * the problem+json schema, and on every {@code /api/} operation the correlation id header and the 400 (and, with a
 * path parameter, 404) problem responses with examples. {@code springdoc.override-with-generic-response} is off, so
 * these are the only error responses documented; the command side adds its own in {@code CommandApiDocs}.
 */
public final class ApiDocs {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String API_PREFIX = "/api/";

    private static final String EXAMPLE_ID = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42";

    private ApiDocs() {
    }

    static OpenAPI document(ApiProperties properties) {
        return new OpenAPI().info(new Info().title(properties.title()).description(properties.description())
                                            .version("v1"));
    }

    static OpenApiCustomizer sharedParts() {
        return openApi -> {
            Components components = components(openApi);
            components.addSchemas("InvalidField", invalidFieldSchema());
            components.addSchemas("Problem", problemSchema());
            components.addHeaders(HallHeaders.CORRELATION_ID, new Header()
                    .description("The request's correlation id: the one sent, or a new one").schema(new StringSchema())
                    .example(EXAMPLE_ID));
            components.addParameters(HallHeaders.CORRELATION_ID, header(HallHeaders.CORRELATION_ID, false,
                    "Ties together everything this request causes (carried by every event it records); generated "
                            + "if absent, always echoed. 1 to 128 letters, digits or ._:@/+=-", EXAMPLE_ID));
            components.addResponses("BadRequest", problemResponse(
                    "Invalid input: `errors` names every invalid field (body, path, query or header), says what it "
                            + "must be, and lists the allowed values of enums. Nothing was recorded.",
                    Map.of("body", problemExample(400, "Invalid request", "staffId: " + Ids.RULE,
                                                  Map.of("errors", List.of(Map.of("field", "staffId", "in", "body",
                                                                                  "message", Ids.RULE,
                                                                                  "rejectedValue", "Guide-07 ")))),
                           "enum", problemExample(400, "Invalid request", "method: must be one of [CASH, CARD]",
                                                  Map.of("errors", List.of(Map.of(
                                                          "field", "method", "in", "body",
                                                          "message", "must be one of [CASH, CARD]",
                                                          "rejectedValue", "BITCOIN",
                                                          "allowedValues", List.of("CASH", "CARD"))))),
                           "header", problemExample(400, "Invalid request",
                                                    "X-Occurred-At: lies more than 5m in the future",
                                                    Map.of("errors", List.of(Map.of(
                                                            "field", "X-Occurred-At", "in", "header",
                                                            "message", "lies more than 5m in the future",
                                                            "rejectedValue", "2031-01-01T00:00:00Z")))),
                           "malformed", problemExample(400, "Malformed request body",
                                                       "The body is not valid JSON: Unexpected end-of-input",
                                                       Map.of()))));
            components.addResponses("NotFound", problemResponse("Nothing with this id exists.",
                    Map.of("notFound", problemExample(404, "Not found", "Nothing with id '" + EXAMPLE_ID
                            + "' exists here", Map.of()))));
            forEachApiOperation(openApi, (path, method, operation) -> {
                addParameter(operation, HallHeaders.CORRELATION_ID);
                addResponse(operation, "400", "BadRequest");
                if (path.contains("{")) {
                    addResponse(operation, "404", "NotFound");
                }
                operation.getResponses().values().stream()
                         .filter(response -> response.get$ref() == null)
                         .forEach(response -> addHeader(response, HallHeaders.CORRELATION_ID));
                exampleForIdParameters(operation);
            });
        };
    }

    /**
     * The pattern of a constraint composed of {@code @Pattern} (the ids: {@code @StaffId}, {@code @HallId},
     * {@code @CustomerId}) in the schema of a body field, which springdoc reads only from {@code @Pattern} itself.
     */
    static PropertyCustomizer composedPatterns() {
        return (schema, type) -> {
            String pattern = composedPattern(type.getCtxAnnotations());
            return pattern != null && schema != null ? schema.pattern(pattern) : schema;
        };
    }

    /** The same for a path or query parameter. */
    static ParameterCustomizer composedParameterPatterns() {
        return (parameter, methodParameter) -> {
            String pattern = composedPattern(methodParameter.getParameterAnnotations());
            if (pattern != null && parameter != null && parameter.getSchema() != null) {
                parameter.getSchema().pattern(pattern);
            }
            return parameter;
        };
    }

    private static String composedPattern(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        return Arrays.stream(annotations)
                     .map(annotation -> annotation.annotationType().getAnnotation(Pattern.class))
                     .filter(Objects::nonNull)
                     .map(Pattern::regexp)
                     .findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- helpers both sides' documents use

    /** Calls {@code action} for every operation whose path starts with {@code /api/}, with its HTTP method. */
    public static void forEachApiOperation(OpenAPI openApi,
                                           TriConsumer<String, PathItem.HttpMethod, Operation> action) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(API_PREFIX)) {
                item.readOperationsMap().forEach((method, operation) -> action.accept(path, method, operation));
            }
        });
    }

    /** Three-argument callback for {@link #forEachApiOperation(OpenAPI, TriConsumer)}. */
    @FunctionalInterface
    public interface TriConsumer<A, B, C> {
        void accept(A a, B b, C c);
    }

    public static Components components(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        return openApi.getComponents();
    }

    public static HeaderParameter header(String name, boolean required, String description, String example) {
        HeaderParameter parameter = new HeaderParameter();
        parameter.name(name).required(required).description(description).schema(new StringSchema()).example(example);
        return parameter;
    }

    /** Adds a reference to the component parameter {@code name}, once. */
    public static void addParameter(Operation operation, String name) {
        String ref = "#/components/parameters/" + name;
        if (operation.getParameters() == null
                || operation.getParameters().stream().noneMatch(parameter -> ref.equals(parameter.get$ref()))) {
            operation.addParametersItem(new Parameter().$ref(ref));
        }
    }

    /** Adds a reference to the component response {@code component} under {@code status}, unless one is there. */
    public static void addResponse(Operation operation, String status, String component) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(status, new ApiResponse().$ref("#/components/responses/" + component));
    }

    /** Adds a reference to the component header {@code name} to {@code response}. */
    public static void addHeader(ApiResponse response, String name) {
        response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name));
    }

    public static ApiResponse problemResponse(String description, Map<String, Map<String, Object>> examples) {
        MediaType mediaType = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
        examples.forEach((name, value) -> mediaType.addExamples(name, new Example().value(value)));
        ApiResponse response = new ApiResponse().description(description)
                                                .content(new Content().addMediaType(PROBLEM_JSON, mediaType));
        addHeader(response, HallHeaders.CORRELATION_ID);
        return response;
    }

    public static Map<String, Object> problemExample(int status, String title, String detail,
                                                     Map<String, Object> members) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", "/api/visits/" + EXAMPLE_ID + "/greeting");
        example.putAll(members);
        return example;
    }

    private static void exampleForIdParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream()
                 .filter(parameter -> "path".equals(parameter.getIn()) && parameter.getExample() == null
                         && parameter.getSchema() != null && "uuid".equals(parameter.getSchema().getFormat()))
                 .forEach(parameter -> parameter.setExample(EXAMPLE_ID));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Rule violated"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema().example("Visit " + EXAMPLE_ID + " is over"))
                .addProperty("instance", new StringSchema().example("/api/visits/" + EXAMPLE_ID + "/greeting"))
                .addProperty("rule", new StringSchema().example("visit-over")
                                                       .description("409: the rule broken, kebab-case and stable"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/InvalidField"))
                                                        .description("400: every invalid field"))
                .addProperty("expectedVersion", new IntegerSchema().format("int64").example(2)
                                                                   .description("412: the version If-Match named"))
                .addProperty("currentVersion", new IntegerSchema().format("int64").example(3)
                                                                  .description("412: the version it is at"));
    }

    private static Schema<?> invalidFieldSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().example("staffId")
                                                        .description("a body path, or a parameter or header name"))
                .addProperty("in", new StringSchema()._enum(List.of("body", "path", "query", "header")).example("body"))
                .addProperty("message", new StringSchema().example(Ids.RULE))
                .addProperty("rejectedValue", new Schema<>().example("").description("the value sent, if short"))
                .addProperty("allowedValues", new ArraySchema().items(new StringSchema())
                                                               .example(List.of("CASH", "CARD"))
                                                               .description("for enums: the values allowed"));
    }
}
