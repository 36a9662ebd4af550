package org.servicehall.platform.calendar;

import org.servicehall.api.complaint.ComplaintLimit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each hall's working-day calendar and complaint time limits, as configured under {@code hall.calendar.*} (see
 * {@link CalendarProperties}). A Spring bean on both sides; aggregates take it as a handler parameter. Immutable.
 */
public final class ServiceCalendar {

    private final WorkingDayCalendar common;
    private final ComplaintTimeLimits commonLimits;
    private final Map<String, WorkingDayCalendar> hallCalendars;
    private final Map<String, ComplaintTimeLimits> hallLimits;

    public ServiceCalendar(WorkingDayCalendar common, ComplaintTimeLimits commonLimits,
                           Map<String, WorkingDayCalendar> hallCalendars,
                           Map<String, ComplaintTimeLimits> hallLimits) {
        this.common = Objects.requireNonNull(common, "common");
        this.commonLimits = Objects.requireNonNull(commonLimits, "commonLimits");
        this.hallCalendars = Map.copyOf(hallCalendars);
        this.hallLimits = Map.copyOf(hallLimits);
    }

    /** @throws IllegalArgumentException naming the setting, when a day, a zone or a limit is not valid */
    public static ServiceCalendar of(CalendarProperties properties) {
        WorkingDayCalendar common = new WorkingDayCalendar(
                properties.zone(),
                days("hall.calendar.holidays", properties.holidays().values()),
                days("hall.calendar.extra-working-days", properties.extraWorkingDays().values()));
        CalendarProperties.ComplaintLimits limits = properties.complaintLimits();
        ComplaintTimeLimits commonLimits = new ComplaintTimeLimits(limits.firstContact(), limits.reply(),
                                                                   limits.callback(), limits.warningBefore());
        Map<String, WorkingDayCalendar> hallCalendars = new HashMap<>();
        Map<String, ComplaintTimeLimits> hallLimits = new HashMap<>();
        properties.halls().forEach((hallId, hall) -> {
            String prefix = "hall.calendar.halls." + hallId;
            try {
                hallCalendars.put(hallId, common.overriddenBy(
                        hall.zone(), days(prefix + ".holidays", List.of(hall.holidays())),
                        days(prefix + ".extra-working-days", List.of(hall.extraWorkingDays()))));
                if (hall.complaintLimits() != null) {
                    hallLimits.put(hallId, overridden(commonLimits, hall.complaintLimits()));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + ": " + e.getMessage(), e);
            }
        });
        return new ServiceCalendar(common, commonLimits, hallCalendars, hallLimits);
    }

    /** The hall's calendar: the common one unless {@code hall.calendar.halls.<hallId>} changes it. */
    public WorkingDayCalendar calendar(String hallId) {
        return hallCalendars.getOrDefault(hallId, common);
    }

    public ComplaintTimeLimits complaintTimeLimits(String hallId) {
        return hallLimits.getOrDefault(hallId, commonLimits);
    }

    /**
     * When a complaint's {@code limit} is due at {@code hallId}, and when to warn.
     *
     * @param from registration (or reopening) for the first contact and the reply, the resolution for the callback
     */
    public TimeLimit complaintLimit(String hallId, ComplaintLimit limit, Instant from) {
        return complaintTimeLimits(hallId).limit(calendar(hallId), limit, from);
    }

    /** Whether the common calendar has holidays or extra working days set in {@code year}. */
    boolean knowsYear(int year) {
        return common.knowsYear(year);
    }

    WorkingDayCalendar common() {
        return common;
    }

    private static ComplaintTimeLimits overridden(ComplaintTimeLimits common,
                                                  CalendarProperties.HallComplaintLimits hall) {
        return new ComplaintTimeLimits(
                hall.firstContact() != null ? hall.firstContact() : common.firstContact(),
                hall.reply() != null ? hall.reply() : common.reply(),
                hall.callback() != null ? hall.callback() : common.callback(),
                hall.warningBefore() != null ? hall.warningBefore() : common.warningBefore());
    }

    /** Parses days and inclusive ranges ({@code 2026-10-01..2026-10-07}). */
    static List<LocalDate> days(String setting, Collection<List<String>> lists) {
        List<LocalDate> days = new ArrayList<>();
        for (List<String> list : lists) {
            for (String entry : list) {
                String text = entry.strip();
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    int range = text.indexOf("..");
                    if (range < 0) {
                        days.add(LocalDate.parse(text));
                        continue;
                    }
                    LocalDate first = LocalDate.parse(text.substring(0, range).strip());
                    LocalDate last = LocalDate.parse(text.substring(range + 2).strip());
                    if (last.isBefore(first) || first.plusDays(366).isBefore(last)) {
                        throw new IllegalArgumentException(
                                setting + ": '" + text + "' must run forwards and span at most a year");
                    }
                    first.datesUntil(last.plusDays(1)).forEach(days::add);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            setting + ": '" + text + "' is not a day (2026-10-01) or a range (2026-10-01..2026-10-07)",
                            e);
                }
            }
        }
        return days;
    }
}
