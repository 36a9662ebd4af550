package org.servicehall.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example in both OpenAPI documents (parameters, headers, request bodies, responses, and the schemas' own)
 * validates against the schema it illustrates, read as OpenAPI 3.0 reads schemas: an integrator who copies an example
 * sends something the API accepts, and an answer looks as its example shows.
 */
class OpenApiExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestMongo MONGO = TestMongo.external() ? TestMongo.start() : null;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(TestMongo.temporaryDirectory(), MONGO);
    }

    @AfterAll
    static void stop() {
        system.close();
        if (MONGO != null) {
            MONGO.close();
        }
    }

    @Test
    void everyExampleOfTheCommandSideValidates() throws IOException {
        Examples examples = examplesOf("command-side", system.commandSide.get().uri("/v3/api-docs").retrieve()
                                                                         .body(String.class));

        assertThat(examples.checked).as("examples found").isGreaterThan(50);
        assertThat(examples.failures).isEmpty();
    }

    @Test
    void everyExampleOfTheQuerySideValidates() throws IOException {
        Examples examples = examplesOf("query-side", system.querySide.get().uri("/v3/api-docs").retrieve()
                                                                     .body(String.class));

        assertThat(examples.checked).as("examples found").isGreaterThan(30);
        assertThat(examples.failures).isEmpty();
    }

    private static Examples examplesOf(String side, String document) throws IOException {
        // kept beside the test's reports, to read the document a failure names
        Files.writeString(Path.of("target", side + "-api-docs.json"), document);
        JsonNode root = JSON.readTree(document);
        String uri = "https://" + side + ".test/v3/api-docs";
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(OpenApi30.getInstance())
                .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(uri, document))));
        Examples examples = new Examples(root, uri, factory);
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String at = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
            if (operation.getValue().isObject()) {
                examples.operation(at, operation.getValue());
            }
        }));
        JsonNode components = root.path("components");
        components.path("schemas").fields().forEachRemaining(
                schema -> examples.schemaExamples("/components/schemas/" + escape(schema.getKey()), schema.getValue()));
        components.path("parameters").fields().forEachRemaining(
                parameter -> examples.parameter("/components/parameters/" + escape(parameter.getKey())));
        components.path("headers").fields().forEachRemaining(
                header -> examples.parameter("/components/headers/" + escape(header.getKey())));
        components.path("responses").fields().forEachRemaining(
                response -> examples.response("/components/responses/" + escape(response.getKey())));
        return examples;
    }

    /** JSON pointer escaping of one reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Walks a document, checking each example against its schema. */
    private static final class Examples {

        private final JsonNode root;
        private final String uri;
        private final JsonSchemaFactory factory;
        private final List<String> failures = new ArrayList<>();
        private int checked;

        Examples(JsonNode root, String uri, JsonSchemaFactory factory) {
            this.root = root;
            this.uri = uri;
            this.factory = factory;
        }

        void operation(String at, JsonNode operation) {
            for (int i = 0; i < operation.path("parameters").size(); i++) {
                parameter(at + "/parameters/" + i);
            }
            if (operation.has("requestBody")) {
                content(resolve(at + "/requestBody"));
            }
            operation.path("responses").fields().forEachRemaining(
                    response -> response(at + "/responses/" + escape(response.getKey())));
        }

        /** A parameter or header (by its pointer, following a $ref): its example(s) against its schema. */
        void parameter(String at) {
            String resolved = resolve(at);
            JsonNode parameter = root.at(resolved);
            if (parameter.has("schema")) {
                exampleAndExamples(resolved, parameter, resolve(resolved + "/schema"));
                schemaExamples(resolved + "/schema", parameter.get("schema"));
            }
        }

        void response(String at) {
            String resolved = resolve(at);
            content(resolved);
            root.at(resolved).path("headers").fields().forEachRemaining(
                    header -> parameter(resolved + "/headers/" + escape(header.getKey())));
        }

        private void content(String at) {
            root.at(at).path("content").fields().forEachRemaining(media -> {
                String mediaAt = at + "/content/" + escape(media.getKey());
                if (media.getValue().has("schema")) {
                    exampleAndExamples(mediaAt, media.getValue(), mediaAt + "/schema");
                    schemaExamples(mediaAt + "/schema", media.getValue().get("schema"));
                }
            });
        }

        private void exampleAndExamples(String at, JsonNode holder, String schemaAt) {
            if (holder.has("example")) {
                check(at + "/example", holder.get("example"), schemaAt);
            }
            holder.path("examples").fields().forEachRemaining(example -> {
                String exampleAt = resolve(at + "/examples/" + escape(example.getKey()));
                JsonNode value = root.at(exampleAt).get("value");
                if (value != null) {
                    check(exampleAt + "/value", value, schemaAt);
                }
            });
        }

        /** A schema's own example, and those of its properties and items, inline ones (not those behind a $ref). */
        void schemaExamples(String at, JsonNode schema) {
            if (!schema.isObject() || schema.has("$ref")) {
                return;
            }
            if (schema.has("example")) {
                check(at + "/example", schema.get("example"), at);
            }
            schema.path("properties").fields().forEachRemaining(
                    property -> schemaExamples(at + "/properties/" + escape(property.getKey()), property.getValue()));
            for (String child : List.of("items", "additionalProperties", "not")) {
                if (schema.has(child)) {
                    schemaExamples(at + "/" + child, schema.get(child));
                }
            }
            for (String list : List.of("allOf", "oneOf", "anyOf")) {
                for (int i = 0; i < schema.path(list).size(); i++) {
                    schemaExamples(at + "/" + list + "/" + i, schema.path(list).get(i));
                }
            }
        }

        private void check(String exampleAt, JsonNode example, String schemaAt) {
            checked++;
            JsonSchema schema = factory.getSchema(SchemaLocation.of(uri + "#" + schemaAt));
            Set<ValidationMessage> messages = schema.validate(example);
            if (!messages.isEmpty()) {
                failures.add(exampleAt + " against " + schemaAt + ": " + messages);
            }
        }

        /** The pointer a $ref at {@code at} leads to (followed to the end), or {@code at} itself. */
        private String resolve(String at) {
            String current = at;
            for (int hops = 0; hops < 10; hops++) {
                JsonNode node = root.at(current);
                if (!node.has("$ref")) {
                    return current;
                }
                String ref = node.get("$ref").asText();
                assertThat(ref).as("a $ref inside the document at %s", current).startsWith("#/");
                current = ref.substring(1);
            }
            throw new AssertionError("$ref loop at " + at);
        }
    }
}
