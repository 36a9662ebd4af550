package org.servicehall.platform.mongo;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * How serialized JSON (from Axon's serializer) is kept in MongoDB: objects as documents, so what is stored reads as
 * plain JSON in any MongoDB client, and anything else (a bare string or number) as its JSON text.
 */
public final class JsonBson {

    private static final JsonWriterSettings RELAXED_JSON = JsonWriterSettings.builder()
                                                                             .outputMode(JsonMode.RELAXED)
                                                                             .build();

    private JsonBson() {
    }

    public static Object toBson(String json) {
        return json.stripLeading().startsWith("{") ? Document.parse(json) : json;
    }

    public static String toJson(Object stored) {
        return stored instanceof Document document ? document.toJson(RELAXED_JSON) : (String) stored;
    }
}
