package org.servicehall.platform.signin;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SignInThrottleTest {

    private static final Duration WINDOW = Duration.ofMillis(1500);

    /** Only carol's "right" password signs in. */
    private final AuthenticationManager passwords = attempt -> {
        if (attempt.getName().equals("carol") && "right".equals(attempt.getCredentials())) {
            return UsernamePasswordAuthenticationToken.authenticated("carol", null, List.of());
        }
        throw new BadCredentialsException("wrong");
    };
    private final AuthenticationManager throttled =
            new SignInThrottle(new SignInProperties.Throttle(WINDOW, 3, 5)).around(passwords);

    @Test
    void afterAFewWrongPasswordsTheUserIsRefusedEvenTheRightOneUntilTheWindowHasPassed() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> throttled.authenticate(attempt("carol", "guess", "10.0.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> throttled.authenticate(attempt("carol", "right", "10.0.0.2")))
                .isInstanceOfSatisfying(SignInThrottle.SignInThrottled.class, throttledFor ->
                        assertThat(throttledFor.retryAfter()).isPositive().isLessThanOrEqualTo(WINDOW));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            try {
                return throttled.authenticate(attempt("carol", "right", "10.0.0.2")).isAuthenticated();
            } catch (SignInThrottle.SignInThrottled stillBlocked) {
                return false;
            }
        });
    }

    @Test
    void failuresFromOneAddressBlockThatAddressForEveryone() {
        for (int i = 0; i < 5; i++) {
            String user = "guess-" + i;
            assertThatThrownBy(() -> throttled.authenticate(attempt(user, "x", "10.0.0.9")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> throttled.authenticate(attempt("carol", "right", "10.0.0.9")))
                .isInstanceOf(SignInThrottle.SignInThrottled.class);
        assertThat(throttled.authenticate(attempt("carol", "right", "10.0.0.10")).isAuthenticated()).isTrue();
    }

    private static Authentication attempt(String user, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(user,
                                                                                                          password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }
}
