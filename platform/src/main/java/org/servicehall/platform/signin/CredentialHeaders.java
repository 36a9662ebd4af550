package org.servicehall.platform.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One credential per request, sent once: two {@code Authorization} headers, two {@code X-Api-Key} headers, or a key
 * together with {@code Authorization} is a 400 naming the header, never "the first one wins" (which would let a proxy
 * and a client disagree about who is asking).
 */
final class CredentialHeaders extends OncePerRequestFilter {

    private final HandlerExceptionResolver problems;

    CredentialHeaders(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> authorization = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        List<String> keys = Collections.list(request.getHeaders(ApiKeyAuthentication.HEADER));
        List<InvalidField> errors = new ArrayList<>();
        if (authorization.size() > 1) {
            errors.add(InvalidField.header(HttpHeaders.AUTHORIZATION, "must be sent once", null));
        }
        if (keys.size() > 1) {
            errors.add(InvalidField.header(ApiKeyAuthentication.HEADER, "must be sent once", null));
        }
        if (!keys.isEmpty() && !authorization.isEmpty()) {
            errors.add(InvalidField.header(ApiKeyAuthentication.HEADER, "cannot come with an Authorization header: "
                    + "send one credential, an integrator's API key or a person's Authorization", null));
        }
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            problems.resolveException(request, response, null, new InvalidInput(errors));
        }
    }
}
