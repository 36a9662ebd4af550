package org.servicehall.api.figures;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How service figures are broken down into rows; {@code apiName} is the value of the {@code groupBy} parameter. */
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

    public static Optional<FigureGrouping> fromApiName(String name) {
        return Arrays.stream(values()).filter(grouping -> grouping.apiName.equals(name)).findFirst();
    }

    public static List<String> apiNames() {
        return Arrays.stream(values()).map(FigureGrouping::apiName).toList();
    }
}
