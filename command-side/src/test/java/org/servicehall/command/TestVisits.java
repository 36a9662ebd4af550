package org.servicehall.command;

import org.servicehall.api.RuleViolation;

/**
 * The visits as fixture tests of things opened during a visit see them, answering as the visit feature would: every
 * visit is in progress except {@link #OVER}, and {@link #MISSING} does not exist.
 */
public final class TestVisits {

    public static final String OVER = "visit-over";
    public static final String MISSING = "visit-missing";

    private TestVisits() {
    }

    public static VisitsInProgress visits() {
        return visitId -> {
            if (OVER.equals(visitId)) {
                throw new RuleViolation("visit-over", "Visit " + OVER + " is over");
            }
            if (MISSING.equals(visitId)) {
                throw new RuleViolation("visit-not-found", "Visit " + MISSING + " does not exist");
            }
        };
    }
}
