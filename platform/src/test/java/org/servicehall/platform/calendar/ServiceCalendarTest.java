package org.servicehall.platform.calendar;

import org.junit.jupiter.api.Test;
import org.servicehall.api.complaint.ComplaintLimit;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceCalendarTest {

    /** Binds {@code hall.calendar.*} as Spring does: {@code settings} over the shipped hall-platform.properties. */
    static ServiceCalendar bind(Map<String, String> settings) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(settings));
        try {
            new PropertiesPropertySourceLoader()
                    .load("defaults", new ClassPathResource("hall-platform.properties"))
                    .forEach(source -> ConfigurationPropertySources.from(source).forEach(sources::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CalendarProperties properties = new Binder(sources).bindOrCreate("hall.calendar", CalendarProperties.class);
        return ServiceCalendar.of(properties);
    }

    private static final Instant MONDAY_10_IN_SHANGHAI = Instant.parse("2026-03-09T02:00:00Z");

    @Test
    void complaintLimitsDefaultToTheServiceCommitmentsWithAWarningAtNoonOfTheLastDay() {
        ServiceCalendar calendar = bind(Map.of());

        assertThat(calendar.complaintLimit("hall-1", ComplaintLimit.FIRST_CONTACT, MONDAY_10_IN_SHANGHAI))
                .isEqualTo(new TimeLimit(Instant.parse("2026-03-10T04:00:00Z"), Instant.parse("2026-03-10T16:00:00Z")));
        assertThat(calendar.complaintLimit("hall-1", ComplaintLimit.REPLY, MONDAY_10_IN_SHANGHAI).dueAt())
                .isEqualTo(Instant.parse("2026-03-18T16:00:00Z"));
        Instant resolvedOnFridayEvening = Instant.parse("2026-03-13T11:00:00Z");
        assertThat(calendar.complaintLimit("hall-1", ComplaintLimit.CALLBACK, resolvedOnFridayEvening).dueAt())
                .isEqualTo(Instant.parse("2026-03-16T16:00:00Z"));
        assertThat(calendar.complaintTimeLimits("hall-1")).isEqualTo(ComplaintTimeLimits.DEFAULTS);
    }

    @Test
    void aHallOverridesItsZoneDaysAndLimitsAndOtherHallsKeepTheCommonOnes() {
        ServiceCalendar calendar = bind(Map.of(
                "hall.calendar.complaint-limits.warning-before", "4h",
                "hall.calendar.halls.dalian-01.holidays", "2026-03-10, 2026-03-12..2026-03-13",
                "hall.calendar.halls.dalian-01.extra-working-days", "2026-10-07",
                "hall.calendar.halls.dalian-01.complaint-limits.reply", "5",
                "hall.calendar.halls.kashgar-02.zone", "Asia/Urumqi"));

        assertThat(calendar.calendar("dalian-01").isWorkingDay(LocalDate.parse("2026-03-12"))).isFalse();
        assertThat(calendar.calendar("dalian-01").isWorkingDay(LocalDate.parse("2026-10-07"))).isTrue();
        assertThat(calendar.calendar("dalian-01").isWorkingDay(LocalDate.parse("2026-10-06"))).isFalse();
        assertThat(calendar.complaintTimeLimits("dalian-01"))
                .isEqualTo(new ComplaintTimeLimits(1, 5, 1, Duration.ofHours(4)));
        assertThat(calendar.complaintLimit("dalian-01", ComplaintLimit.FIRST_CONTACT, MONDAY_10_IN_SHANGHAI))
                .as("Tuesday and Thursday/Friday are local holidays: Wednesday")
                .isEqualTo(new TimeLimit(Instant.parse("2026-03-11T12:00:00Z"),
                                         Instant.parse("2026-03-11T16:00:00Z")));

        assertThat(calendar.calendar("kashgar-02").zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(calendar.calendar("kashgar-02").isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(calendar.complaintTimeLimits("kashgar-02").warningBefore()).isEqualTo(Duration.ofHours(4));
        assertThat(calendar.calendar("elsewhere").isWorkingDay(LocalDate.parse("2026-03-12"))).isTrue();
        assertThat(calendar.calendar("elsewhere").zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aLaterYearIsAddedUnderItsOwnKeyWithoutRepeatingTheShippedOne() {
        ServiceCalendar calendar = bind(Map.of("hall.calendar.holidays.2027", "2027-01-01",
                                               "hall.calendar.extra-working-days.2027", "2027-01-02"));

        assertThat(calendar.calendar("hall-1").isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(calendar.calendar("hall-1").isWorkingDay(LocalDate.parse("2027-01-02"))).isTrue();
        assertThat(calendar.calendar("hall-1").isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(calendar.knowsYear(2027)).isTrue();
        assertThat(calendar.knowsYear(2028)).isFalse();
    }

    @Test
    void aYearCanBeAddedFromTheEnvironmentThroughSpringApplicationJson() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("environment", Map.of(
                "SPRING_APPLICATION_JSON", "{\"hall.calendar.holidays.2027\": \"2027-02-05..2027-02-11\"}")));
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, null);

        ServiceCalendar calendar = ServiceCalendar.of(Binder.get(environment).bindOrCreate("hall.calendar",
                                                                                           CalendarProperties.class));

        assertThat(calendar.calendar("hall-1").isWorkingDay(LocalDate.parse("2027-02-08"))).isFalse();
    }

    @Test
    void aBadSettingIsRefusedNamingIt() {
        assertThatThrownBy(() -> bind(Map.of("hall.calendar.halls.h1.holidays", "2026-13-01")))
                .hasMessageContaining("hall.calendar.halls.h1.holidays").hasMessageContaining("2026-13-01");
        assertThatThrownBy(() -> bind(Map.of("hall.calendar.holidays.2027", "2027-01-03..2027-01-01")))
                .hasMessageContaining("hall.calendar.holidays").hasMessageContaining("forwards");
        assertThatThrownBy(() -> bind(Map.of("hall.calendar.halls.h1.holidays", "2026-05-09",
                                             "hall.calendar.halls.h1.extra-working-days", "2026-05-09")))
                .hasMessageContaining("hall.calendar.halls.h1").hasMessageContaining("2026-05-09");
        assertThatThrownBy(() -> bind(Map.of("hall.calendar.complaint-limits.warning-before", "25h")))
                .hasMessageContaining("warning-before");
        assertThatThrownBy(() -> bind(Map.of("hall.calendar.halls.h1.complaint-limits.reply", "0")))
                .hasMessageContaining("hall.calendar.halls.h1").hasMessageContaining("reply");
    }
}
