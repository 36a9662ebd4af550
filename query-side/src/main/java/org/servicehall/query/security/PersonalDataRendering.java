package org.servicehall.query.security;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.servicehall.api.PersonalData;
import org.servicehall.platform.personaldata.PersonalDataVault;
import org.servicehall.platform.personaldata.Visibility;
import org.servicehall.platform.signin.Caller;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Renders every {@link PersonalData} property of an HTTP response for the {@link Caller}: a sealed view value is
 * opened, then shown in clear to compliance staff and masked (as the annotation's kind says) to everyone else;
 * {@code "[erased]"} for everyone once the customer was erased. Values that are already clear (an event's payload in
 * a history) are masked the same way. Spring Boot adds this module to the web {@code ObjectMapper}; the storage
 * mapper never sees it.
 */
@Component
final class PersonalDataRendering extends SimpleModule {

    private final transient PersonalDataVault vault;

    PersonalDataRendering(PersonalDataVault vault) {
        super(PersonalDataRendering.class.getSimpleName());
        this.vault = vault;
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new NopAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated annotated) {
                PersonalData personal = _findAnnotation(annotated, PersonalData.class);
                return personal == null ? null : new ForCaller(personal.value());
            }
        });
    }

    private final class ForCaller extends StdSerializer<Object> {

        private final PersonalData.Kind kind;

        ForCaller(PersonalData.Kind kind) {
            super(Object.class);
            this.kind = kind;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Visibility visibility = Caller.current().visibility();
            if (value instanceof String text) {
                gen.writeString(vault.open(text, kind, visibility));
            } else if (visibility == Visibility.CLEAR) {
                provider.defaultSerializeValue(value, gen);
            } else {
                gen.writeString(PersonalDataVault.MASKED);
            }
        }
    }
}
