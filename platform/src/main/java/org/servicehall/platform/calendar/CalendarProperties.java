package org.servicehall.platform.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The working-day calendar and the complaint time limits, under {@code hall.calendar.*}. Days are ISO dates
 * ({@code 2026-10-01}) or inclusive ranges ({@code 2026-10-01..2026-10-07}), comma-separated.
 *
 * @param zone             where days are counted, unless a hall says otherwise
 * @param holidays         public holidays, keyed by any label (by convention the year, one line per State Council
 *                         notice: {@code hall.calendar.holidays.2027=...} adds a year without repeating the others)
 * @param extraWorkingDays weekend days worked instead (调休上班), keyed like {@code holidays}
 * @param complaintLimits  the complaint time limits of every hall, unless a hall says otherwise
 * @param halls            per hall id: its own zone, its own (added) holidays and extra working days, which win over
 *                         the common ones on the same day, and its own complaint limits
 */
@ConfigurationProperties("hall.calendar")
public record CalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
                                 Map<String, List<String>> holidays,
                                 Map<String, List<String>> extraWorkingDays,
                                 @DefaultValue ComplaintLimits complaintLimits,
                                 Map<String, Hall> halls) {

    public CalendarProperties {
        holidays = holidays == null ? Map.of() : holidays;
        extraWorkingDays = extraWorkingDays == null ? Map.of() : extraWorkingDays;
        halls = halls == null ? Map.of() : halls;
    }

    /**
     * @param firstContact  working days to contact the complainant, from registration
     * @param reply         working days to reply with the handling opinion, from registration or reopening
     * @param callback      working days to call the customer back, from the resolution
     * @param warningBefore how long before a limit the warning comes (more than 0, at most 24h)
     */
    public record ComplaintLimits(@DefaultValue("1") int firstContact,
                                  @DefaultValue("7") int reply,
                                  @DefaultValue("1") int callback,
                                  @DefaultValue("12h") Duration warningBefore) {
    }

    /**
     * One hall's differences; anything left out is as for every hall.
     */
    public record Hall(ZoneId zone,
                       List<String> holidays,
                       List<String> extraWorkingDays,
                       HallComplaintLimits complaintLimits) {

        public Hall {
            holidays = holidays == null ? List.of() : holidays;
            extraWorkingDays = extraWorkingDays == null ? List.of() : extraWorkingDays;
        }
    }

    /** Like {@link ComplaintLimits}; a setting left out is the common one. */
    public record HallComplaintLimits(Integer firstContact, Integer reply, Integer callback, Duration warningBefore) {
    }
}
