package org.servicehall.platform.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report, as problem+json instead of an HTML page: for every error no controller answered, on both
 * sides. Tomcat's own (a malformed request line or URI, a bad or oversized header, an unsupported transfer encoding,
 * TRACE), a {@code sendError} from a filter (Spring Security's firewall), and an exception that escaped every handler
 * (a 500, with nothing of it told). Spring Boot's {@code /error} page is off ({@code ErrorMvcAutoConfiguration} is
 * excluded), so that this is the one place such errors are answered. A header section over
 * {@code server.max-http-request-header-size} or {@code hall.api.max-header-count} is answered 431 (Tomcat says 400),
 * and what Tomcat answers 501 or 505 (CONNECT, a transfer coding other than chunked, an HTTP version other than 1.x)
 * 400: a request that is not HTTP as this server speaks it is the client's error, and no request makes a 5xx.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ECHOED = 200;
    /** Tomcat's messages for the two, in the language it speaks (its default locale's). */
    private static final String HEADERS_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
                                                                 .getString("iib.requestheadertoolarge.error");
    private static final String TOO_MANY_HEADERS = StringManager.getManager("org.apache.tomcat.util.http")
                                                                .getString("headers.maxCountFail", "\u0000")
                                                                .split("\u0000")[0];

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status == HttpStatus.BAD_REQUEST.value() && headersTooLarge(throwable)) {
            status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
        } else if (status == HttpStatus.NOT_IMPLEMENTED.value()
                || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
            status = HttpStatus.BAD_REQUEST.value();
        }
        String detail = detail(status, response.getStatus(), response.getMessage(), throwable);
        response.setStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", known != null ? known.getReasonPhrase() : "Error");
        problem.put("status", status);
        problem.put("detail", detail);
        String uri = request.getRequestURI();
        if (uri != null && !uri.isEmpty()) {
            problem.put("instance", shortened(uri));
        }
        try {
            // ASCII only (other characters escaped), so that the body needs no charset, as Spring's problems have none
            byte[] body = JSON.writer().with(JsonGenerator.Feature.ESCAPE_NON_ASCII).writeValueAsBytes(problem);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            if (response.getHeader(HallHeaders.CORRELATION_ID) == null) {
                response.setHeader(HallHeaders.CORRELATION_ID, UUID.randomUUID().toString());
            }
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response was committed meanwhile: nothing left to tell
        }
    }

    /** Tomcat refuses a header section too large, or with too many headers, with these two. */
    private static boolean headersTooLarge(Throwable throwable) {
        String message = throwable != null ? String.valueOf(throwable.getMessage()) : "";
        return message.equals(HEADERS_TOO_LARGE) || message.startsWith(TOO_MANY_HEADERS);
    }

    /** @param tomcats the status Tomcat gave, which says more than ours where the two differ */
    private static String detail(int status, int tomcats, String message, Throwable throwable) {
        if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value()) {
            return "The request's headers are too large or too many (server.max-http-request-header-size, "
                    + "hall.api.max-header-count)";
        }
        if (status >= 500) {
            return "Something went wrong on our side. If this was a command, whether it was recorded is unknown: "
                    + "read before retrying.";
        }
        String reason = message != null && !message.isBlank() ? message
                : throwable != null && throwable.getMessage() != null ? throwable.getMessage().lines().findFirst()
                                                                                 .orElse("") : "";
        if (reason.isBlank()) {
            HttpStatus known = HttpStatus.resolve(tomcats);
            return "The request was refused" + (known != null ? ": " + known.getReasonPhrase() : "");
        }
        return shortened(reason);
    }

    private static String shortened(String text) {
        return text.length() > MAX_ECHOED ? text.substring(0, MAX_ECHOED) + "..." : text;
    }
}
