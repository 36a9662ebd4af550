package org.servicehall.api;

/**
 * A command that would break one of the hall's rules. {@code rule} is a stable, kebab-case name integrators can
 * match on (it becomes the {@code rule} member of the 409 problem response); the message says it in words.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
