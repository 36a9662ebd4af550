package org.servicehall.platform.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in one time zone: Monday to Friday, except public holidays, plus the weekend days that are worked
 * instead (China's make-up working days, 调休上班). Immutable.
 * <p>
 * <b>"Within N working days"</b> of an instant means: by the end (24:00 in this zone) of the Nth working day after
 * the day on which it happened. That day itself is never counted, working day or not; this is how the Civil Code
 * counts periods (art. 201: the starting day is not counted; art. 203: the last day ends at 24:00). In Asia/Shanghai,
 * with the 2026 holidays:
 * <ul>
 *     <li>Monday 2026-03-09 10:00, 1 working day: by the end of Tuesday 03-10 (2026-03-10T16:00Z);</li>
 *     <li>Friday 2026-03-13 16:00 or Saturday 03-14, 1 working day: by the end of Monday 03-16;</li>
 *     <li>Monday 2026-03-09, 7 working days: by the end of Wednesday 03-18;</li>
 *     <li>Friday 2026-02-13, 1 working day: by the end of Saturday 02-14, a make-up working day;</li>
 *     <li>Wednesday 2026-09-30, 1 working day: by the end of Thursday 10-08, after the National Day holiday;</li>
 *     <li>2026-03-09T16:30Z is already Tuesday 03-10 00:30 in Shanghai, so 1 working day: by the end of Wednesday
 *     03-11.</li>
 * </ul>
 */
public final class WorkingDayCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkingDays;

    /**
     * @param zone             where the days are counted
     * @param holidays         days off that would otherwise be working days (weekend days may be listed too)
     * @param extraWorkingDays weekend days that are worked; a day cannot be in both lists
     */
    public WorkingDayCalendar(ZoneId zone, Collection<LocalDate> holidays, Collection<LocalDate> extraWorkingDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Set.copyOf(holidays);
        this.extraWorkingDays = Set.copyOf(extraWorkingDays);
        Set<LocalDate> both = new TreeSet<>(this.holidays);
        both.retainAll(this.extraWorkingDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("Days cannot be both holidays and extra working days: " + both);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** The day {@code instant} falls on in this calendar's zone. */
    public LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkingDays.contains(day)) {
            return true;
        }
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The {@code n}th working day after {@code day} ({@code day} itself never counts); {@code n} is at least 1. */
    public LocalDate workingDayAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("A number of working days must be at least 1, not " + n);
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The end (24:00 in this zone) of the {@code n}th working day after the day {@code from} falls on. */
    public Instant endOfWorkingDays(Instant from, int n) {
        return workingDayAfter(day(from), n).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether any holiday or extra working day is set in {@code year}, i.e. whether that year was configured. */
    public boolean knowsYear(int year) {
        return holidays.stream().anyMatch(day -> day.getYear() == year)
                || extraWorkingDays.stream().anyMatch(day -> day.getYear() == year);
    }

    /**
     * This calendar for one hall: its own zone, and its own holidays and extra working days, which win over this
     * calendar's where they name the same day.
     */
    public WorkingDayCalendar overriddenBy(ZoneId hallZone, Collection<LocalDate> hallHolidays,
                                           Collection<LocalDate> hallExtraWorkingDays) {
        Set<LocalDate> mergedHolidays = new HashSet<>(holidays);
        mergedHolidays.removeAll(hallExtraWorkingDays);
        mergedHolidays.addAll(hallHolidays);
        Set<LocalDate> mergedExtra = new HashSet<>(extraWorkingDays);
        mergedExtra.removeAll(hallHolidays);
        mergedExtra.addAll(hallExtraWorkingDays);
        return new WorkingDayCalendar(hallZone == null ? zone : hallZone, mergedHolidays, mergedExtra);
    }
}
