package org.servicehall.query;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Aggregate ids for tests that feed events: aggregates have UUIDs (the query side refuses anything else in a path),
 * and a test reads better with a name; {@code id("pay-9")} is always the same UUID.
 */
public final class TestIds {

    private TestIds() {
    }

    public static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
