package org.servicehall.platform.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The 2026 days as shipped in hall-platform.properties. */
    private final WorkingDayCalendar calendar = ServiceCalendarTest.bind(Map.of()).calendar("any-hall");

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void weekendsAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(day("2026-03-13"))).as("Friday").isTrue();
        assertThat(calendar.isWorkingDay(day("2026-03-14"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(day("2026-03-15"))).as("Sunday").isFalse();
        assertThat(calendar.workingDayAfter(day("2026-03-13"), 1)).isEqualTo(day("2026-03-16"));
        assertThat(calendar.workingDayAfter(day("2026-03-14"), 1)).as("the day itself never counts")
                                                                    .isEqualTo(day("2026-03-16"));
        assertThat(calendar.workingDayAfter(day("2026-03-09"), 7)).isEqualTo(day("2026-03-18"));
    }

    @Test
    void publicHolidaysAreSkipped() {
        assertThat(calendar.isWorkingDay(day("2026-10-01"))).isFalse();
        assertThat(calendar.workingDayAfter(day("2026-09-30"), 1)).isEqualTo(day("2026-10-08"));
        assertThat(calendar.workingDayAfter(day("2026-04-03"), 1)).as("Qingming, Saturday to Monday")
                                                                    .isEqualTo(day("2026-04-07"));
        assertThat(calendar.workingDayAfter(day("2026-06-18"), 1)).as("Dragon Boat").isEqualTo(day("2026-06-22"));
    }

    @Test
    void makeUpWeekendDaysAreWorkingDays() {
        assertThat(calendar.isWorkingDay(day("2026-02-14"))).as("Saturday before the Spring Festival").isTrue();
        assertThat(calendar.isWorkingDay(day("2026-01-04"))).as("Sunday after New Year").isTrue();
        assertThat(calendar.workingDayAfter(day("2026-02-13"), 1)).isEqualTo(day("2026-02-14"));
        assertThat(calendar.workingDayAfter(day("2026-02-14"), 1)).isEqualTo(day("2026-02-24"));
        assertThat(calendar.workingDayAfter(day("2026-09-18"), 1)).as("Sunday 09-20 is worked")
                                                                    .isEqualTo(day("2026-09-20"));
    }

    @Test
    void the2026DefaultsMatchTheStateCouncilNotice() {
        // Each break as the notice states it: first day off and its length ("共N天").
        assertThat(breakFrom("2026-01-01")).isEqualTo(3);
        assertThat(breakFrom("2026-02-15")).isEqualTo(9);
        assertThat(breakFrom("2026-04-04")).isEqualTo(3);
        assertThat(breakFrom("2026-05-01")).isEqualTo(5);
        assertThat(breakFrom("2026-06-19")).isEqualTo(3);
        assertThat(breakFrom("2026-09-25")).isEqualTo(3);
        assertThat(breakFrom("2026-10-01")).isEqualTo(7);
        for (String workedWeekendDay : List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
                                               "2026-09-20", "2026-10-10")) {
            assertThat(calendar.isWorkingDay(day(workedWeekendDay))).as(workedWeekendDay).isTrue();
        }
        // 261 weekdays, 19 of them off, 6 weekend days worked.
        assertThat(day("2026-01-01").datesUntil(day("2027-01-01")).filter(calendar::isWorkingDay).count())
                .isEqualTo(248);
    }

    private int breakFrom(String first) {
        LocalDate day = day(first);
        assertThat(calendar.isWorkingDay(day.minusDays(1))).as("the day before %s is worked", first).isTrue();
        int length = 0;
        while (!calendar.isWorkingDay(day.plusDays(length))) {
            length++;
        }
        return length;
    }

    @Test
    void withinNWorkingDaysEndsAtMidnightInTheHallsZone() {
        Instant mondayMorning = Instant.parse("2026-03-09T02:00:00Z");
        assertThat(calendar.endOfWorkingDays(mondayMorning, 1)).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
    }

    @Test
    void theDayIsTheHallsDayNotUtcs() {
        Instant mondayLastMinuteInShanghai = Instant.parse("2026-03-09T15:59:00Z");
        Instant tuesdayJustAfterMidnightInShanghai = Instant.parse("2026-03-09T16:30:00Z");

        assertThat(calendar.day(tuesdayJustAfterMidnightInShanghai)).isEqualTo(day("2026-03-10"));
        assertThat(calendar.endOfWorkingDays(mondayLastMinuteInShanghai, 1))
                .isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
        assertThat(calendar.endOfWorkingDays(tuesdayJustAfterMidnightInShanghai, 1))
                .isEqualTo(Instant.parse("2026-03-11T16:00:00Z"));
    }

    @Test
    void aHallsOwnDaysWinOverTheCommonOnes() {
        WorkingDayCalendar hall = calendar.overriddenBy(ZoneId.of("Asia/Urumqi"),
                                                        List.of(day("2026-03-10"), day("2026-01-04")),
                                                        List.of(day("2026-10-07")));

        assertThat(hall.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(hall.isWorkingDay(day("2026-03-10"))).as("a local holiday").isFalse();
        assertThat(hall.isWorkingDay(day("2026-01-04"))).as("off on a common make-up day").isFalse();
        assertThat(hall.isWorkingDay(day("2026-10-07"))).as("open on a common holiday").isTrue();
        assertThat(hall.isWorkingDay(day("2026-10-06"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2026-03-10"))).as("the common calendar is unchanged").isTrue();
    }

    @Test
    void aDayCannotBeBothOffAndWorked() {
        assertThatThrownBy(() -> new WorkingDayCalendar(SHANGHAI, List.of(day("2026-05-09")),
                                                        List.of(day("2026-05-09"))))
                .hasMessageContaining("2026-05-09");
        assertThatThrownBy(() -> calendar.workingDayAfter(day("2026-03-09"), 0)).hasMessageContaining("at least 1");
    }
}
