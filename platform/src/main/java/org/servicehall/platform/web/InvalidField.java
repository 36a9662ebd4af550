package org.servicehall.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One thing wrong with a request, an entry of a 400 problem's {@code errors}.
 *
 * @param field         a path into the body ({@code items[2].code}), or the name of a parameter or header
 * @param in            where the field is: {@code body}, {@code path}, {@code query} or {@code header}
 * @param message       what is wrong, for a person
 * @param rejectedValue the value sent, if short enough to echo
 * @param allowedValues the values the field takes, when it takes one of a fixed set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvalidField(String field, String in, String message, Object rejectedValue,
                           List<String> allowedValues) {

    private static final int MAX_ECHOED_LENGTH = 100;

    public InvalidField {
        if (rejectedValue instanceof CharSequence text && text.length() > MAX_ECHOED_LENGTH) {
            rejectedValue = text.subSequence(0, MAX_ECHOED_LENGTH) + "...";
        }
    }

    public static InvalidField header(String name, String message, String rejectedValue) {
        return new InvalidField(name, "header", message, rejectedValue, null);
    }

    /** A body field that is wrong given the others (Bean Validation checks each field alone). */
    public static InvalidField body(String field, String message, Object rejectedValue) {
        return new InvalidField(field, "body", message, rejectedValue, null);
    }
}
