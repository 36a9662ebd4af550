package org.servicehall.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.servicehall.api.RuleViolation;

/** Matches the {@link RuleViolation} a fixture test expects, by the rule's stable name. */
public final class Rules {

    private Rules() {
    }

    public static Matcher<RuleViolation> violated(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.rule().equals(rule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of rule ").appendValue(rule);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("rule ").appendValue(violation.rule()).appendText(": ")
                           .appendText(violation.getMessage());
            }
        };
    }
}
