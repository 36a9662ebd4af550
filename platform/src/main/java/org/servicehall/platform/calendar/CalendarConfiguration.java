package org.servicehall.platform.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.LocalDate;
import java.time.Month;

/** The {@link ServiceCalendar} both sides share, from {@code hall.calendar.*}. */
@AutoConfiguration
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    ServiceCalendar serviceCalendar(CalendarProperties properties) {
        ServiceCalendar calendar = ServiceCalendar.of(properties);
        LocalDate today = LocalDate.now(calendar.common().zone());
        warnIfUnknown(calendar, today.getYear());
        if (today.getMonth() == Month.DECEMBER) {
            warnIfUnknown(calendar, today.getYear() + 1);
        }
        return calendar;
    }

    /** Each year's holidays are published in November; a year nobody entered is easy to miss until it is wrong. */
    private static void warnIfUnknown(ServiceCalendar calendar, int year) {
        if (!calendar.knowsYear(year)) {
            log.atWarn().addKeyValue("year", year)
               .log("No public holidays are configured for {}: every Monday to Friday counts as a working day until "
                            + "hall.calendar.holidays.{} and hall.calendar.extra-working-days.{} are set",
                    year, year, year);
        }
    }
}
