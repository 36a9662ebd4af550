package org.servicehall.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

import java.io.IOException;

/**
 * A request body refused before or while it is read (see {@link WellFormedRequests}, {@link CheckedBody}): too large,
 * of a media type the APIs do not take, or not JSON's bytes. An {@code IOException}, so that it reaches the API's error
 * handling through whatever reads the body (Jackson, a filter), which answers it with its problem.
 */
public class RefusedBody extends IOException {

    private final transient ProblemDetail problem;

    private RefusedBody(HttpStatus status, String title, String detail) {
        super(detail);
        this.problem = Problems.problem(status, title, detail);
    }

    static RefusedBody tooLarge(DataSize max) {
        return new RefusedBody(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                               "A request body may have at most " + max.toBytes() + " bytes (hall.api.max-body-size)");
    }

    static RefusedBody notJson(String why) {
        return new RefusedBody(HttpStatus.BAD_REQUEST, "Malformed request body", why);
    }

    static RefusedBody notSupported(String contentType) {
        return new RefusedBody(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                               "Bodies are JSON in UTF-8 (Content-Type: application/json), not " + contentType);
    }

    public ProblemDetail problem() {
        return problem;
    }
}
