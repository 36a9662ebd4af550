package org.servicehall.platform.web;

import java.util.List;
import java.util.stream.Collectors;

/** A request with invalid fields (headers, parameters, body); answered with 400 problem+json listing them all. */
public class InvalidInput extends RuntimeException {

    private final transient List<InvalidField> errors;

    public InvalidInput(List<InvalidField> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<InvalidField> errors() {
        return errors;
    }
}
