package org.servicehall.query.view;

import org.servicehall.platform.HallProperties;
import org.servicehall.platform.web.InvalidParameter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * "Now" and "today" for the boards: what is overdue or at risk is decided when a board is read, from due times, so
 * it is right whenever it is read. Days are the halls' days (their zone), as a supervisor reads them. The clock is the
 * application's {@link Clock} bean if there is one (tests move it), else the system's.
 */
@Component
public class HallTime {

    /** The longest range of days an archive query reads, so that no request reads years of buckets. */
    public static final int MAX_ARCHIVE_DAYS = 92;
    /** What an archive query reads when it names no range: the last 30 days. */
    static final int DEFAULT_ARCHIVE_DAYS = 30;

    private final Clock clock;
    private final ZoneId zone;

    @Autowired
    HallTime(ObjectProvider<Clock> clock, HallProperties properties) {
        this(clock.getIfAvailable(Clock::systemUTC), properties.zone());
    }

    public HallTime(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Checks the {@code from} and {@code to} of a list query: they choose the archive's days, so they go with a
     * closed status only ({@code closedStatuses} says which, for the message).
     */
    public void checkArchiveRange(boolean archive, LocalDate from, LocalDate to, String closedStatuses) {
        if (archive) {
            archiveRange(from, to);
        } else if (from != null || to != null) {
            throw new InvalidParameter(from != null ? "from" : "to", "'from' and 'to' choose the days of closed "
                    + "ones; they go with status " + closedStatuses + " only");
        }
    }

    /**
     * The days an archive query reads: {@code from} to {@code to}, both included; {@code to} defaults to today and
     * {@code from} to 29 days before {@code to}. Bad ranges are a 400 naming the parameter.
     */
    public DayRange archiveRange(LocalDate from, LocalDate to) {
        LocalDate last = to != null ? to : today();
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_ARCHIVE_DAYS - 1);
        if (first.isAfter(last)) {
            throw new InvalidParameter("from", "'from' (" + first + ") is after 'to' (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_ARCHIVE_DAYS) {
            throw new InvalidParameter("to", "A range covers at most " + MAX_ARCHIVE_DAYS + " days; " + first
                    + " to " + last + " is longer");
        }
        return new DayRange(first, last);
    }
}
