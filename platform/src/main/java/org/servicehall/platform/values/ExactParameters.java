package org.servicehall.platform.values;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Path segments and query parameters read as {@link ExactValues} does. Spring reads much more: when a conversion
 * fails it falls back to its property editors, which trim, read {@code 0x10} as 16, {@code yes} as true and
 * {@code 1-1-1-1-1} as a UUID, and an enum value after trimming it ({@code CASH%20} is {@code CASH}); registered
 * converters cannot stop that, but editors of the binder's own are used first and instead. So each binder gets one per
 * type: whole numbers, booleans, UUIDs, instants, dates, and the enums the handler's parameters name (directly, or as
 * the components of a {@code @ParameterObject}). An enum value must be letters, digits, {@code _} and {@code -}; it is
 * then converted by the conversion service: by a converter of its own if the application has one (the conduct audit's
 * rules), else in any case with {@code -} for {@code _}, as documented for the boards ({@code deadline=at-risk}). A
 * value not of its form is a 400 naming the parameter and what it must be.
 */
@ControllerAdvice
public class ExactParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new Enums());
    }

    @InitBinder
    void exactValues(WebDataBinder binder, NativeWebRequest request) {
        binder.registerCustomEditor(UUID.class, editor(ExactValues::uuid));
        binder.registerCustomEditor(Instant.class, editor(ExactValues::instant));
        binder.registerCustomEditor(LocalDate.class, editor(ExactValues::date));
        Function<String, Optional<Object>> whole = text -> ExactValues.wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE)
                                                                      .map(Object.class::cast);
        binder.registerCustomEditor(Long.class, editor(whole));
        binder.registerCustomEditor(long.class, editor(whole));
        Function<String, Optional<Object>> integer = text -> ExactValues.wholeNumber(text, Integer.MIN_VALUE,
                                                                                     Integer.MAX_VALUE)
                                                                        .map(Long::intValue);
        binder.registerCustomEditor(Integer.class, editor(integer));
        binder.registerCustomEditor(int.class, editor(integer));
        binder.registerCustomEditor(Boolean.class, editor(ExactValues::bool));
        binder.registerCustomEditor(boolean.class, editor(ExactValues::bool));
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                                              RequestAttributes.SCOPE_REQUEST);
        if (handler instanceof HandlerMethod method && binder.getConversionService() != null) {
            ConversionService conversions = binder.getConversionService();
            enumTypes(method).forEach(type -> binder.registerCustomEditor(type, editor(
                    text -> Optional.ofNullable(ExactValues.enumForm(text) ? conversions.convert(text, type) : null))));
        }
    }

    /** The enum types of the handler's parameters, of their components if they are parameter objects, and of both's
     * elements if they are collections. */
    private static Set<Class<?>> enumTypes(HandlerMethod handler) {
        Set<Class<?>> types = new HashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Stream<ResolvableType> candidates = Stream.of(ResolvableType.forMethodParameter(parameter));
            if (parameter.hasParameterAnnotation(ParameterObject.class) && parameter.getParameterType().isRecord()) {
                candidates = Arrays.stream(parameter.getParameterType().getRecordComponents())
                                   .map(RecordComponent::getGenericType).map(ResolvableType::forType);
            }
            candidates.flatMap(type -> Stream.concat(Stream.of(type), Arrays.stream(type.getGenerics())))
                      .map(ResolvableType::resolve)
                      .filter(type -> type != null && type.isEnum())
                      .forEach(types::add);
        }
        return types;
    }

    /** Enum values in any case, with {@code -} for {@code _}, or as the API writes them ({@code businessType}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final class Enums implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            Class type = targetType.isEnum() ? targetType : targetType.getSuperclass();
            return text -> {
                Optional<Enum> value = ExactValues.enumValue(type, text, true);
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "' is not one of " + ExactValues.names(type));
                }
                return (T) value.get();
            };
        }
    }

    /** Empty is absent, as Spring has it; anything else is of its form or refused. */
    private static <T> PropertyEditorSupport editor(Function<String, Optional<T>> parser) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text.isEmpty() ? null : parser.apply(text).orElseThrow(
                        () -> new IllegalArgumentException("'" + text + "' is not of the form required")));
            }
        };
    }
}
