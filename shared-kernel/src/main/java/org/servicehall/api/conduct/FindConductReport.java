package org.servicehall.api.conduct;

import java.time.LocalDate;

/** Query: compliance rates of one hall over its local days {@code from}..{@code to} (inclusive), by {@code groupBy}. */
public record FindConductReport(String hallId, LocalDate from, LocalDate to, ReportGrouping groupBy) {

    /** What the rates are computed per. */
    public enum ReportGrouping {
        DAY,
        STAFF,
        RULE
    }
}
