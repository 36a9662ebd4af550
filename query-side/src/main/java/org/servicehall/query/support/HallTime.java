package org.servicehall.query.support;

import org.servicehall.platform.calendar.CalendarProperties;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * "Now" and "today" for the boards: what is overdue or at risk is decided when a board is read, from due times, so
 * it is right whenever it is read. Days are a hall's days, in the zone its working-day calendar counts in
 * ({@code hall.calendar.zone}, or {@code hall.calendar.halls.<id>.zone}), as a supervisor reads them; what belongs to
 * no hall counts in the common zone. The clock is the application's {@link Clock} bean if there is one (tests stop
 * it), else the system's.
 */
@Component
public class HallTime {

    /** The longest range of days an archive query reads, so that no request reads years of buckets. */
    public static final int MAX_ARCHIVE_DAYS = 92;
    /** What an archive query reads when it names no range: the last 30 days. */
    static final int DEFAULT_ARCHIVE_DAYS = 30;

    private final Clock clock;
    private final ServiceCalendar calendar;
    private final ZoneId commonZone;

    @Autowired
    HallTime(ObjectProvider<Clock> clock, ServiceCalendar calendar, CalendarProperties properties) {
        this(clock.getIfAvailable(Clock::systemUTC), calendar, properties.zone());
    }

    public HallTime(Clock clock, ServiceCalendar calendar, ZoneId commonZone) {
        this.clock = clock;
        this.calendar = calendar;
        this.commonZone = commonZone;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The zone the hall counts its days in; for no hall ({@code null}), the common one. */
    public ZoneId zone(String hallId) {
        return hallId == null ? commonZone : calendar.calendar(hallId).zone();
    }

    public LocalDate today(String hallId) {
        return dayOf(hallId, now());
    }

    public LocalDate dayOf(String hallId, Instant instant) {
        return LocalDate.ofInstant(instant, zone(hallId));
    }

    /**
     * What is wrong with the {@code from} and {@code to} of a list query: they choose the archive's days, so they go
     * with a closed status only ({@code closedStatuses} says which, for the message), and make a range as
     * {@link #archiveRange} reads it.
     */
    public List<InvalidField> invalidArchiveRange(boolean archive, String hallId, LocalDate from, LocalDate to,
                                                  String closedStatuses) {
        if (archive) {
            return invalidRange(hallId, from, to);
        }
        if (from != null || to != null) {
            return List.of(invalid(from != null ? "from" : "to", "chooses days of the archive: it goes with status "
                    + closedStatuses + " only", from != null ? from : to));
        }
        return List.of();
    }

    /**
     * The days an archive query reads: {@code from} to {@code to}, both included; {@code to} defaults to the hall's
     * today (the common zone's without a hall) and {@code from} to 29 days before {@code to}. Bad ranges are a 400
     * naming the parameter.
     */
    public DayRange archiveRange(String hallId, LocalDate from, LocalDate to) {
        List<InvalidField> invalid = invalidRange(hallId, from, to);
        if (!invalid.isEmpty()) {
            throw new InvalidInput(invalid);
        }
        LocalDate last = last(hallId, to);
        return new DayRange(first(last, from), last);
    }

    private List<InvalidField> invalidRange(String hallId, LocalDate from, LocalDate to) {
        LocalDate last = last(hallId, to);
        LocalDate first = first(last, from);
        if (first.isAfter(last)) {
            return List.of(invalid("from", "is after 'to' (" + last + ")", first));
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_ARCHIVE_DAYS) {
            // blame the one the client gave; both given, the end
            return List.of(to != null ? invalid("to", "makes the range from " + first + " longer than "
                    + MAX_ARCHIVE_DAYS + " days", to) : invalid("from", "makes the range to " + last
                    + " longer than " + MAX_ARCHIVE_DAYS + " days", from));
        }
        return List.of();
    }

    private LocalDate last(String hallId, LocalDate to) {
        return to != null ? to : today(hallId);
    }

    private static LocalDate first(LocalDate last, LocalDate from) {
        return from != null ? from : last.minusDays(DEFAULT_ARCHIVE_DAYS - 1);
    }

    private static InvalidField invalid(String parameter, String message, LocalDate value) {
        return new InvalidField(parameter, "query", message, value.toString(), null);
    }
}
