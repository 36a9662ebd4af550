package org.servicehall.command;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.servicehall.api.RuleViolation;

import static org.hamcrest.Matchers.equalTo;

/** Fixture expectations on refusals: which rule was broken, not only that something was. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<Object> violates(String rule) {
        return new FeatureMatcher<>(equalTo(rule), "a RuleViolation of rule", "rule") {
            @Override
            protected String featureValueOf(Object actual) {
                return actual instanceof RuleViolation violation ? violation.rule() : "(not a RuleViolation: " + actual + ")";
            }
        };
    }
}
