package org.servicehall.platform.personaldata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Crypto-shredding for the JSON the event store keeps (events and snapshots): every {@link PersonalData} property is
 * written sealed with the key of its record's {@link DataSubject} (see {@link PersonalDataVault}) and read back in
 * clear, or as erased once that customer was erased: {@code "[erased]"} for a {@code String}, null for any other type.
 * <p>
 * It sits on the storage {@code ObjectMapper} rather than around Axon's serializer: Jackson already knows each
 * record's properties and their annotations, at any depth (nested records, lists of them), and the stored JSON keeps
 * its shape, so upcasters still see every field (a sealed value is an opaque string to them: they can move or rename
 * it, not change its content). A string is sealed as its UTF-8 text; any other type as its JSON text, and it must be a
 * reference type (a boxed number, a date...) so that it can read as null. A record with personal data needs exactly
 * one {@code @DataSubject}, which must be set whenever a personal value is; otherwise writing fails rather than store
 * personal data in clear. Values stored in clear before (none sealed) read as they are.
 */
public final class PersonalDataStorageModule extends SimpleModule {

    private static final JsonFactory JSON = new JsonFactory();

    private final transient PersonalDataVault vault;

    public PersonalDataStorageModule(PersonalDataVault vault) {
        super(PersonalDataStorageModule.class.getSimpleName());
        this.vault = vault;
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addBeanSerializerModifier(new Sealing());
        context.insertAnnotationIntrospector(new Opening());
    }

    private final class Sealing extends BeanSerializerModifier {

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> writers) {
            if (writers.stream().noneMatch(Sealing::personal)) {
                return writers;
            }
            String type = description.getBeanClass().getName();
            List<BeanPropertyWriter> subjects = writers.stream()
                                                       .filter(writer -> writer.getAnnotation(DataSubject.class) != null)
                                                       .toList();
            if (subjects.size() != 1) {
                throw new IllegalStateException(type + " has @PersonalData, so it needs exactly one @DataSubject "
                                                + "component (the customerId whose key encrypts it), not "
                                                + subjects.size());
            }
            List<BeanPropertyWriter> result = new ArrayList<>(writers.size());
            for (BeanPropertyWriter writer : writers) {
                if (personal(writer) && writer.getType().isPrimitive()) {
                    throw new IllegalStateException(type + "." + writer.getName() + " is personal data of a "
                                                    + "primitive type; use its boxed type, which can read as null "
                                                    + "once the customer is erased");
                }
                result.add(personal(writer) ? new SealingWriter(writer, subjects.get(0)) : writer);
            }
            return result;
        }

        private static boolean personal(BeanPropertyWriter writer) {
            return writer.getAnnotation(PersonalData.class) != null;
        }
    }

    private final class SealingWriter extends BeanPropertyWriter {

        private final BeanPropertyWriter subject;

        SealingWriter(BeanPropertyWriter writer, BeanPropertyWriter subject) {
            super(writer);
            this.subject = subject;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider) throws Exception {
            Object value = get(bean);
            if (value == null) {
                super.serializeAsField(bean, gen, provider);
                return;
            }
            gen.writeFieldName(_name);
            gen.writeString(seal(bean, value, provider));
        }

        @Override
        public void serializeAsElement(Object bean, JsonGenerator gen, SerializerProvider provider) throws Exception {
            Object value = get(bean);
            if (value == null) {
                super.serializeAsElement(bean, gen, provider);
                return;
            }
            gen.writeString(seal(bean, value, provider));
        }

        private String seal(Object bean, Object value, SerializerProvider provider) throws Exception {
            Object customerId = subject.get(bean);
            if (customerId == null) {
                throw JsonMappingException.from(provider, bean.getClass().getName() + "." + getName() + " holds "
                                                          + "personal data but its @DataSubject " + subject.getName()
                                                          + " is null");
            }
            if (getType().hasRawClass(String.class)) {
                return vault.seal(customerId.toString(), (String) value);
            }
            StringWriter json = new StringWriter();
            try (JsonGenerator generator = JSON.createGenerator(json)) {
                provider.defaultSerializeValue(value, generator);
            }
            return vault.sealBytes(customerId.toString(), json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private final class Opening extends NopAnnotationIntrospector {

        @Override
        public Object findDeserializer(Annotated annotated) {
            return _hasAnnotation(annotated, PersonalData.class) ? new OpeningDeserializer(null) : null;
        }
    }

    /** Typed by the property it reads, once Jackson contextualizes it. */
    private final class OpeningDeserializer extends JsonDeserializer<Object> implements ContextualDeserializer {

        private final JavaType type;

        OpeningDeserializer(JavaType type) {
            this.type = type;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return new OpeningDeserializer(property.getType());
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING || !vault.isSealed(parser.getText())) {
                return context.readValue(parser, type);
            }
            Optional<byte[]> clear = vault.unseal(parser.getText());
            if (type.hasRawClass(String.class)) {
                return clear.map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(PersonalDataVault.ERASED);
            }
            if (clear.isEmpty()) {
                return null;
            }
            try (JsonParser json = JSON.createParser(clear.get())) {
                json.nextToken();
                return context.readValue(json, type);
            }
        }
    }
}
