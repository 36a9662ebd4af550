package org.servicehall.command;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a 400 problem says about the fields of a request. */
public final class BadRequests {

    private BadRequests() {
    }

    /** The fields the 400 names, in order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<String> fields(ResponseEntity<Map> response) {
        return errors(response).stream().map(error -> (String) error.get("field")).toList();
    }

    /** The 400's error about {@code field}. */
    @SuppressWarnings("rawtypes")
    public static Map<String, Object> error(ResponseEntity<Map> response, String field) {
        return errors(response).stream().filter(error -> field.equals(error.get("field"))).findFirst()
                               .orElseThrow(() -> new AssertionError("no error for " + field + " in "
                                                                             + response.getBody()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }
}
