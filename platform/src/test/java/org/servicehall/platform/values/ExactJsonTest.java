package org.servicehall.platform.values;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jackson with the module reads instants, dates, UUIDs, enums and text in their one form only. */
class ExactJsonTest {

    enum Method {
        CASH, CARD
    }

    record Body(Instant at, LocalDate day, UUID ref, Method method, String text, List<String> texts,
                Map<Method, Long> byMethod) {
    }

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().addModule(new ExactJson())
                                                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS).build();

    @Test
    void eachValueInItsForm() throws Exception {
        Body body = json.readValue("""
                {"at": "2026-11-28T09:30:00+08:00", "day": "2026-12-15", "ref": "0B7E3E4A-5F1C-4D8E-9A51-2F0C6D1E8B42",
                 "method": "CASH", "text": "张三\\n\\t", "texts": ["a"], "byMethod": {"CARD": 5}}""", Body.class);

        assertThat(body).isEqualTo(new Body(Instant.parse("2026-11-28T01:30:00Z"), LocalDate.parse("2026-12-15"),
                                            UUID.fromString("0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42"), Method.CASH,
                                            "张三\n\t", List.of("a"), Map.of(Method.CARD, 5L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"at\": 4102444800}", "{\"at\": \"4102444800\"}", "{\"at\": 1.5}",
            "{\"at\": \"+999999999-12-31T23:59:59Z\"}", "{\"at\": \"2026-11-28t09:30:00z\"}", "{\"at\": [2026, 11, 28]}",
            "{\"day\": 20271231}", "{\"day\": \"2027-12-31T00:00:00Z\"}", "{\"day\": [2027, 12, 31]}",
            "{\"ref\": \"AAAAAAAAAAAAAAAAAAAAAA==\"}", "{\"ref\": \"1-1-1-1-1\"}",
            "{\"ref\": \"0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42 \"}", "{\"method\": \"CASH\\u0000\"}",
            "{\"method\": \"CASH \"}", "{\"method\": \" CASH\"}", "{\"method\": \"cash\"}", "{\"method\": 0}",
            "{\"text\": \"a\\u0000b\"}", "{\"text\": \"\\u001b[2J\"}", "{\"text\": \"\\ud800\"}",
            "{\"texts\": [\"ok\", \"a\\u0000\"]}", "{\"byMethod\": {\"CASH \": 5}}",
            "{\"byMethod\": {\"CASH\\u0000\": 5}}"})
    void aLookAlikeIsRefusedNamingTheField(String body) {
        assertThatThrownBy(() -> json.readValue(body, Body.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
                .satisfies(e -> assertThat(((com.fasterxml.jackson.databind.JsonMappingException) e).getPath())
                        .isNotEmpty());
    }
}
