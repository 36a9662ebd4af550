package org.servicehall.api.conduct;

import java.time.LocalDate;
import java.util.Locale;

/** Query: compliance rates of one hall over its local days {@code from}..{@code to} (inclusive), by {@code groupBy}. */
public record FindConductReport(String hallId, LocalDate from, LocalDate to, ReportGrouping groupBy) {

    /** What the rates are computed per; {@code toString()} is how the {@code groupBy} parameter names it. */
    public enum ReportGrouping {
        DAY,
        STAFF,
        RULE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
