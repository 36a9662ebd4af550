package org.servicehall.query.support;

import org.servicehall.platform.calendar.CalendarProperties;
import org.servicehall.platform.calendar.ServiceCalendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Halls in Shanghai whose complaint limits warn 4 hours ahead, read at a standing time. */
public final class TestHalls {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final Duration WARNING_BEFORE = Duration.ofHours(4);
    public static final ServiceCalendar CALENDAR = ServiceCalendar.of(new CalendarProperties(
            SHANGHAI, null, null, new CalendarProperties.ComplaintLimits(1, 7, 1, WARNING_BEFORE), null));

    private TestHalls() {
    }

    /** The halls' time with the clock standing at {@code now}. */
    public static HallTime at(Instant now) {
        return new HallTime(Clock.fixed(now, SHANGHAI), CALENDAR, SHANGHAI);
    }
}
