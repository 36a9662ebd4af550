package org.servicehall.platform.commandapi;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The refusals of the command API's own machinery, as Spring's {@link ErrorResponseException}s, which the platform's
 * problem+json handler renders as they are (status, problem, headers).
 */
final class CommandProblems {

    private CommandProblems() {
    }

    static ErrorResponseException idempotencyKeyReused() {
        return refusal(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
                       "This Idempotency-Key was used for a different request (method, path, body, or the "
                               + "If-Match, X-Staff-Id, X-Hall-Id or X-Occurred-At headers); nothing was done. "
                               + "Use a new key for a new request.");
    }

    static ErrorResponseException idempotencyKeyInUse() {
        ErrorResponseException refusal = refusal(HttpStatus.CONFLICT, "Request in progress",
                                                 "The first request with this Idempotency-Key is still being "
                                                         + "handled; retry shortly to get its response.");
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return refusal;
    }

    static ErrorResponseException nothingToMatch() {
        return refusal(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
                       "If-Match names a version of something that does not exist yet; it applies to commands on "
                               + "an existing aggregate, not to the one creating it. Nothing was recorded.");
    }

    private static ErrorResponseException refusal(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
