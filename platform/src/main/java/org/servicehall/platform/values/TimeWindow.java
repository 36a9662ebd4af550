package org.servicehall.platform.values;

import org.springframework.boot.convert.DurationStyle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Whether a time a client sends lies within a window around the server's clock: {@code X-Occurred-At} (a little
 * ahead, days behind) and the {@link DueTime}s (a little behind, months ahead). Far outside it is a clock gone wrong,
 * a typing error or a forged value.
 */
public final class TimeWindow {

    private TimeWindow() {
    }

    /** What is wrong with {@code value}, or null if it lies from {@code behind} before now to {@code ahead} after. */
    public static String outside(Instant value, Instant now, Duration behind, Duration ahead) {
        if (value.isAfter(now.plus(ahead))) {
            return "lies more than " + readable(ahead) + " in the future" + serverTime(now);
        }
        return value.isBefore(now.minus(behind)) ? "lies more than " + readable(behind) + " in the past"
                + serverTime(now) : null;
    }

    /** The same for a day, with a day to spare on each side: days start at different instants in different halls. */
    public static String outside(LocalDate value, Instant now, Duration behind, Duration ahead) {
        if (value.isAfter(LocalDate.ofInstant(now.plus(ahead), ZoneOffset.UTC).plusDays(1))) {
            return "lies more than " + readable(ahead) + " in the future" + serverTime(now);
        }
        return value.isBefore(LocalDate.ofInstant(now.minus(behind), ZoneOffset.UTC).minusDays(1))
                ? "lies in the past" + serverTime(now) : null;
    }

    private static String serverTime(Instant now) {
        return " (server time " + now.truncatedTo(ChronoUnit.SECONDS) + ")";
    }

    /** 366d, 5m, 90s: the largest unit that divides the duration, as in the settings. */
    static String readable(Duration duration) {
        for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
            if (duration.toMillis() % unit.getDuration().toMillis() == 0) {
                return DurationStyle.SIMPLE.print(duration, unit);
            }
        }
        return DurationStyle.SIMPLE.print(duration);
    }
}
