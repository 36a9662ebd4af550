package org.servicehall.platform.signin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.servicehall.platform.web.CorrelationIdFilter;
import org.servicehall.platform.web.HallHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * 401, 403 and 429 in the one error format of the API, problem+json, since the security filters answer them before
 * any controller.
 */
final class SignInProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "service-hall";

    private final ObjectMapper json;
    private final AccessRules rules;
    private final boolean bearer;

    SignInProblems(ObjectMapper json, AccessRules rules, boolean bearer) {
        this.json = json;
        this.rules = rules;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInThrottle.SignInThrottled throttled) {
            tooManyRequests(request, response, throttled.retryAfter(), "Too many failed sign-ins for this user or "
                    + "from this address: further attempts are refused, the right ones too, until the window has "
                    + "passed");
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        if (bearer) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", reason(request, e));
    }

    private String reason(HttpServletRequest request, AuthenticationException e) {
        if (e instanceof OAuth2AuthenticationException token) {
            String description = token.getError().getDescription();
            return "The bearer token is not valid" + (description != null ? ": " + description : "");
        }
        if (e instanceof BadCredentialsException) {
            return request.getHeader(ApiKeyAuthentication.HEADER) != null ? e.getMessage()
                    : "The user name or password is wrong";
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && !bearer) {
            return "Bearer tokens are not accepted here: no OIDC issuer is configured (hall.security.oidc)";
        }
        return request.getRequestURI() + " needs a signed-in caller: an integrator client's API key (X-Api-Key), "
                + "or a user's HTTP Basic credentials" + (bearer ? " or bearer token" : "");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden", rules.refusal(caller, request));
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration retryAfter,
                         String detail) throws IOException {
        long seconds = seconds(retryAfter);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
              detail + "; retry after " + seconds + " s");
    }

    /** Whole seconds to wait, rounded up, at least 1. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                       String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        String correlationId = CorrelationIdFilter.of(request);
        if (correlationId != null) {
            response.setHeader(HallHeaders.CORRELATION_ID, correlationId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
