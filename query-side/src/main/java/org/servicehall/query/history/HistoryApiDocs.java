package org.servicehall.query.history;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The histories' stored JSON in the OpenAPI document: springdoc describes a {@code JsonNode} as a string (Jackson
 * serializes it itself), so the payload and metadata are declared objects here, and a state field's value any JSON
 * value (OpenAPI 3.0 says so with a schema without a type).
 */
@Component
class HistoryApiDocs implements OpenApiCustomizer {

    static final String STATE_FIELD = "StateField";

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Map<String, Schema> event = schemas.get("HistoryEvent").getProperties();
        event.put("payload", object("the payload as stored", Map.of("paymentId", "6f1c2a3b-...", "amountFen", 12345)));
        event.put("metadata", object("the metadata as stored", Map.of("staffId", "cashier-05", "hallId", "dalian-01")));
        schemas.get(STATE_FIELD).getProperties()
               .put("value", new Schema<>().description("the value as stored: any JSON value").example("dalian-01"));
    }

    /** An object schema whose example stays an object ({@code ObjectSchema} would turn it into a string). */
    private static Schema<Object> object(String description, Map<String, Object> example) {
        return new Schema<>().type("object").description(description).example(example);
    }
}
