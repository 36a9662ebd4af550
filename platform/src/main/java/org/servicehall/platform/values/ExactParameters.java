package org.servicehall.platform.values;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Path segments and query parameters read as {@link ExactValues} does, in place of Spring's conversions (which trim,
 * read {@code 0x10} as 16, {@code yes} as true, an instant from epoch milliseconds, and an enum value by its letters
 * and digits alone, so that {@code A T_R\u0000ISK} is {@code AT_RISK}). Enum values are read in any case with
 * {@code -} for {@code _}, as documented for the boards ({@code deadline=at-risk}), and no other way. A value that is
 * not of its form fails to convert, which the API answers with a 400 naming the parameter and what it must be.
 */
public final class ExactParameters {

    private ExactParameters() {
    }

    /** Added last, so these win over the converters already registered for the same types. */
    public static void register(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, exact(ExactValues::instant));
        registry.addConverter(String.class, LocalDate.class, exact(ExactValues::date));
        registry.addConverter(String.class, UUID.class, exact(ExactValues::uuid));
        registry.addConverter(String.class, Long.class,
                              exact(text -> ExactValues.wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE)));
        registry.addConverter(String.class, Integer.class, exact(
                text -> ExactValues.wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue)));
        registry.addConverter(String.class, Boolean.class, exact(ExactValues::bool));
        registry.addConverterFactory(new Enums());
    }

    /** Empty is absent, as Spring has it; anything else converts or fails. */
    private static <T> Converter<String, T> exact(Function<String, Optional<T>> parser) {
        return text -> text.isEmpty() ? null : parser.apply(text).orElseThrow(
                () -> new IllegalArgumentException("'" + text + "' is not of the form required"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class Enums implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            Class<?> type = targetType;
            while (type != null && !type.isEnum()) {
                type = type.getSuperclass();
            }
            Class enumType = type;
            return exact(text -> ExactValues.enumValue(enumType, text, true));
        }
    }
}
