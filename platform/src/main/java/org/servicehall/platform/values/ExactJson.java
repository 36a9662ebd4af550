package org.servicehall.platform.values;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Request bodies read values as {@link ExactValues} does: instants, dates and UUIDs only as strings of their one form,
 * enum values only by their exact name, and no text with control characters. Jackson's own deserializers take an
 * instant from a number or from {@code "4102444800"}, a date from a number of epoch days, a UUID from Base64, and an
 * enum value with trailing spaces or a NUL (it trims), and no setting turns that off: hence these. Registered on the
 * web layer's mapper only (the event store has its own, which must read whatever was stored).
 */
public final class ExactJson extends SimpleModule {

    public ExactJson() {
        super("ExactJson");
        addDeserializer(Instant.class, new Exact<>(Instant.class, ExactValues::instant, ExactValues.INSTANT_RULE));
        addDeserializer(LocalDate.class, new Exact<>(LocalDate.class, ExactValues::date, ExactValues.DATE_RULE));
        addDeserializer(UUID.class, new Exact<>(UUID.class, ExactValues::uuid, ExactValues.UUID_RULE));
        addDeserializer(String.class, new Text());
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new ExactEnum(type.getRawClass(), deserializer);
            }
        });
    }

    /** A value refused for its form, with the rule it breaks; rendered as a 400 naming the field. */
    public static final class RefusedValue extends com.fasterxml.jackson.databind.exc.InvalidFormatException {

        private final String rule;

        RefusedValue(JsonParser parser, String rule, Object value, Class<?> type) {
            super(parser, "must be " + rule, value, type);
            this.rule = rule;
        }

        /** What the value must be, e.g. "a UUID, e.g. ...". */
        public String rule() {
            return rule;
        }
    }

    /** A value read from a JSON string of exactly one form. */
    private static final class Exact<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, Optional<T>> parser;
        private final String rule;

        Exact(Class<T> type, Function<String, Optional<T>> parser, String rule) {
            super(type);
            this.parser = parser;
            this.rule = rule;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            return parser.apply(text).orElseThrow(() -> new RefusedValue(p, rule, text, handledType()));
        }
    }

    /** Text as Jackson reads it (no coercions: see WebConfiguration), refused with control characters. */
    private static final class Text extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String text = super.deserialize(p, context);
            if (text != null && ExactValues.badCharacterAt(text) >= 0) {
                throw new RefusedValue(p, ExactValues.TEXT_RULE, text, String.class);
            }
            return text;
        }
    }

    /** An enum constant by its exact name; anything else (numbers too) as Jackson refuses it. */
    private static final class ExactEnum extends StdScalarDeserializer<Object> {

        private final transient JsonDeserializer<?> jackson;

        ExactEnum(Class<?> type, JsonDeserializer<?> jackson) {
            super(type);
            this.jackson = jackson;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return jackson.deserialize(p, context);
            }
            String text = p.getText();
            Object constant = constant(handledType(), text);
            if (constant == null) {
                throw new RefusedValue(p, "one of " + ExactValues.names(handledType()), text, handledType());
            }
            return constant;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object constant(Class type, String text) {
            return ExactValues.enumValue(type, text, false).orElse(null);
        }
    }
}
