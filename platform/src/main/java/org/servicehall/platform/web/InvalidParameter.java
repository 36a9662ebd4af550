package org.servicehall.platform.web;

import java.util.List;

/**
 * A request parameter whose value is wrong in a way its type alone cannot say (a range too long, a combination that
 * makes no sense); answered with 400 problem+json naming the parameter and, where there is a fixed set, the values it
 * takes.
 */
public class InvalidParameter extends RuntimeException {

    private final String parameter;
    private final List<String> allowedValues;

    public InvalidParameter(String parameter, String message) {
        this(parameter, message, List.of());
    }

    public InvalidParameter(String parameter, String message, List<String> allowedValues) {
        super(message);
        this.parameter = parameter;
        this.allowedValues = List.copyOf(allowedValues);
    }

    public String parameter() {
        return parameter;
    }

    public List<String> allowedValues() {
        return allowedValues;
    }
}
