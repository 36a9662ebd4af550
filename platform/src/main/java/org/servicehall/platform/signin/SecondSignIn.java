package org.servicehall.platform.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.ErrorResponseException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A second person's sign-in on a request already signed in, for what needs two: a refund authorised by a supervisor
 * other than the cashier. The credentials come in a header of their own, as {@code Authorization} would carry them
 * ({@code Basic <base64 of name:password>} or {@code Bearer <jwt>}), and are checked like any sign-in: the same users,
 * tokens, remembered checks and throttling.
 */
public final class SecondSignIn {

    private final AuthenticationManager passwords;
    private final AuthenticationManager tokens;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    SecondSignIn(AuthenticationManager passwords, AuthenticationManager tokens) {
        this.passwords = passwords;
        this.tokens = tokens;
    }

    /**
     * The person whose credentials {@code header} of the request carries; empty if they are wrong. Throws
     * {@link InvalidInput} (400) for a header missing, repeated or of another scheme, and a 429 while the user or
     * the address is throttled.
     */
    public Optional<Caller> signIn(HttpServletRequest request, String header) {
        List<String> values = Collections.list(request.getHeaders(header));
        if (values.size() != 1) {
            throw new InvalidInput(List.of(InvalidField.header(header, values.isEmpty()
                    ? "is required: the credentials of the person authorising it, Basic or Bearer as in Authorization"
                    : "must be sent once", null)));
        }
        Authentication attempt = attempt(values.get(0), header);
        if (attempt instanceof UsernamePasswordAuthenticationToken password) {
            password.setDetails(details.buildDetails(request));
        } else {
            ((BearerTokenAuthenticationToken) attempt).setDetails(details.buildDetails(request));
        }
        try {
            AuthenticationManager manager = attempt instanceof BearerTokenAuthenticationToken ? tokens : passwords;
            return Optional.of(Caller.of(manager.authenticate(attempt)));
        } catch (SignInThrottle.SignInThrottled throttled) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins for the user in " + header + " or from this address; retry after "
                            + SignInProblems.seconds(throttled.retryAfter()) + " s");
            problem.setTitle("Too many requests");
            ErrorResponseException refusal = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
            refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(SignInProblems.seconds(throttled.retryAfter())));
            throw refusal;
        } catch (AuthenticationServiceException broken) {
            throw broken;
        } catch (AuthenticationException wrong) {
            return Optional.empty();
        }
    }

    private Authentication attempt(String value, String header) {
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                throw invalid(header, "Basic must be followed by base64 of name:password");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw invalid(header, "Basic must be followed by base64 of name:password");
            }
            return UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon),
                                                                       decoded.substring(colon + 1));
        }
        if (value.regionMatches(true, 0, "Bearer ", 0, 7) && tokens != null) {
            return new BearerTokenAuthenticationToken(value.substring(7).strip());
        }
        throw invalid(header, tokens != null ? "must be Basic <base64 of name:password> or Bearer <token>"
                : "must be Basic <base64 of name:password> (bearer tokens need hall.security.oidc)");
    }

    private static InvalidInput invalid(String header, String message) {
        return new InvalidInput(List.of(InvalidField.header(header, message, null)));
    }
}
