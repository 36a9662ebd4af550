package org.servicehall.query.support;

import java.time.LocalDate;
import java.util.List;

/** Days from {@code first} to {@code last}, both included. */
public record DayRange(LocalDate first, LocalDate last) {

    List<LocalDate> days() {
        return first.datesUntil(last.plusDays(1)).toList();
    }
}
