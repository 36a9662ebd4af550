package org.servicehall.platform.values;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

/**
 * How the APIs read the values a client writes as text (JSON strings, query parameters, path segments, headers): one
 * form each, nothing guessed. Jackson and Spring read much more: an instant from a number of epoch seconds or from
 * {@code +999999999-12-31T23:59:59z}, a date from a number of epoch days, a UUID from {@code 1-1-1-1-1} or 24
 * characters of Base64, an enum with trailing spaces or a NUL, a number from {@code 0x10}, a boolean from {@code yes};
 * each of those is refused here. Each parser answers empty for what is not its form; {@link #expected} says what the
 * form is, for the 400.
 */
public final class ExactValues {

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(YEAR, 4).appendLiteral('-')
            .appendValue(MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(DAY_OF_MONTH, 2)
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);
    /** An instant: ISO-8601 with a four-digit year and a zone offset ({@code Z} or {@code +08:00}). */
    private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder()
            .append(DATE)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2).appendLiteral(':').appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");
    /** What an enum value may be written as: its name, in any case, with {@code -} for {@code _}. */
    private static final Pattern ENUM_FORM = Pattern.compile("[A-Za-z0-9_-]+");

    public static final String INSTANT_RULE = "an ISO-8601 date-time with a four-digit year and a zone offset, e.g. "
            + "2026-11-28T09:30:00+08:00 or 2026-11-28T01:30:00Z";
    public static final String DATE_RULE = "a date, yyyy-MM-dd, e.g. 2026-11-28";
    public static final String UUID_RULE = "a UUID, e.g. 0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42";
    public static final String TEXT_RULE = "text without control characters (tab and line breaks aside) or unpaired "
            + "surrogates";

    private ExactValues() {
    }

    public static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, INSTANT).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text, DATE));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A UUID in its 8-4-4-4-12 hex form; upper-case hex names the same UUID, which is always written lower-case. */
    public static Optional<UUID> uuid(String text) {
        return UUID_FORM.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /** Decimal digits with an optional minus: no {@code +}, no spaces, no {@code 0x10} or {@code 1e3}. */
    public static Optional<Long> wholeNumber(String text, long min, long max) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(text);
            return value >= min && value <= max ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** {@code true} or {@code false}, nothing else ({@code yes}, {@code on} and {@code 1} included). */
    public static Optional<Boolean> bool(String text) {
        return switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /**
     * An enum constant by its name; or, in a query parameter, by its name or by how the API writes it (its
     * {@code toString()}, {@code businessType}), in any case, with {@code -} for {@code _} ({@code at-risk} is
     * {@code AT_RISK}). Nothing else: no spaces, NUL or invisible characters around or inside it.
     */
    public static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String text, boolean anyCase) {
        if (!enumForm(text)) {
            return Optional.empty();
        }
        String name = text.replace('-', '_');
        return Arrays.stream(type.getEnumConstants())
                     .filter(constant -> anyCase ? constant.name().equalsIgnoreCase(name)
                             || constant.toString().equalsIgnoreCase(text) : constant.name().equals(text))
                     .findFirst();
    }

    /** Whether the text can be an enum value at all: letters, digits, {@code _} and {@code -}. */
    public static boolean enumForm(String text) {
        return ENUM_FORM.matcher(text).matches();
    }

    /** Where the text breaks {@link #TEXT_RULE}, or -1 if it does not. */
    public static int badCharacterAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The names of an enum's constants, as a 400 lists them. */
    public static List<String> names(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
    }
}
