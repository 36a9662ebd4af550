package org.servicehall.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id: the client's {@code X-Correlation-Id}, or a new UUID. It is echoed in the
 * response (errors included), put in the logging context, and handed to commands, whose events carry it.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    /** The request attribute holding the id. */
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    /** The logging context key (a field in structured logs). */
    public static final String MDC_KEY = "correlationId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private final HandlerExceptionResolver problems;

    public CorrelationIdFilter(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    /** The correlation id of the current request. */
    public static String of(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HallHeaders.CORRELATION_ID);
        boolean valid = given == null || VALID.matcher(given).matches();
        String id = given != null && valid ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HallHeaders.CORRELATION_ID, id);
        MDC.put(MDC_KEY, id);
        try {
            if (valid) {
                chain.doFilter(request, response);
            } else {
                problems.resolveException(request, response, null, new InvalidInput(List.of(InvalidField.header(
                        HallHeaders.CORRELATION_ID, "must be 1 to 128 letters, digits or ._:@/+=- (a UUID will do)",
                        given))));
            }
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
