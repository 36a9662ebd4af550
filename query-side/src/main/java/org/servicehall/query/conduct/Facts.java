package org.servicehall.query.conduct;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.servicehall.api.PersonalData;

import java.lang.reflect.RecordComponent;
import java.util.Map;

/** Turns events into the payloads of {@link Fact}s and back. */
final class Facts {

    /** Stands for a personal value that was given: the audit keeps that it was, not what it was. */
    static final String RECORDED = "[recorded]";

    /** The audit's own mapper: what it stores must not change with the web layer's settings. */
    private static final ObjectMapper JSON = JsonMapper.builder()
                                                       .findAndAddModules()
                                                       .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                       .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                                       .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Facts() {
    }

    static Map<String, Object> payload(Object event) {
        Map<String, Object> payload = JSON.convertValue(event, MAP);
        if (event.getClass().isRecord()) {
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                if (component.isAnnotationPresent(PersonalData.class)) {
                    payload.computeIfPresent(component.getName(),
                                             (name, value) -> value.toString().isBlank() ? null : RECORDED);
                }
            }
        }
        return payload;
    }

    static <T> T read(Fact fact, Class<T> type) {
        return JSON.convertValue(fact.payload(), type);
    }
}
