package org.servicehall.api.figures;

/**
 * How service figures are broken down into rows; {@code apiName}, also its {@code toString()}, is how the
 * {@code groupBy} parameter names it.
 */
public enum FigureGrouping {
    /** one row per local date in the hall's time zone */
    DAY("day"),
    /** one row per business type */
    BUSINESS_TYPE("businessType"),
    /** one row per staff member */
    STAFF("staff");

    private final String apiName;

    FigureGrouping(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    @Override
    public String toString() {
        return apiName;
    }
}
