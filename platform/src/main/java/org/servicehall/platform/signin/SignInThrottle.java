package org.servicehall.platform.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;

/**
 * Failed sign-ins, counted per user name (wrong passwords) and per address (wrong passwords, API keys and tokens):
 * after {@code failures-per-user} (or {@code -per-address}) failures within a {@code window} that starts with the
 * first of them, every further attempt for that user or from that address is refused with 429, the right password
 * included, until the window has passed. Buckets live in this instance's memory, bounded and expiring: with n
 * instances an attacker gets up to n times the attempts.
 */
final class SignInThrottle {

    private static final int TRACKED = 100_000;

    private final SignInProperties.Throttle settings;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;

    SignInThrottle(SignInProperties.Throttle settings) {
        this.settings = settings;
        this.users = Caffeine.newBuilder().expireAfterAccess(settings.window()).maximumSize(TRACKED).build();
        this.addresses = Caffeine.newBuilder().expireAfterAccess(settings.window()).maximumSize(TRACKED).build();
    }

    /** Refused with {@link SignInThrottled} while the user or the address is blocked. */
    void check(String user, String address) {
        Duration wait = Duration.ZERO;
        if (user != null) {
            wait = max(wait, blockedFor(users.getIfPresent(user)));
        }
        if (address != null) {
            wait = max(wait, blockedFor(addresses.getIfPresent(address)));
        }
        if (!wait.isZero()) {
            throw new SignInThrottled(wait);
        }
    }

    void failed(String user, String address) {
        if (user != null) {
            users.get(user, name -> bucket(settings.failuresPerUser())).tryConsume(1);
        }
        if (address != null) {
            addresses.get(address, name -> bucket(settings.failuresPerAddress())).tryConsume(1);
        }
    }

    /** An authentication manager whose attempts this throttle counts. */
    AuthenticationManager around(AuthenticationManager manager) {
        return attempt -> {
            String user = attempt instanceof UsernamePasswordAuthenticationToken ? attempt.getName() : null;
            String address = address(attempt);
            check(user, address);
            try {
                return manager.authenticate(attempt);
            } catch (AuthenticationServiceException broken) {
                throw broken; // ours, not the caller's
            } catch (AuthenticationException failed) {
                failed(user, address);
                throw failed;
            }
        };
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    private Bucket bucket(int failures) {
        return Bucket.builder()
                     .addLimit(limit -> limit.capacity(failures).refillIntervally(failures, settings.window()))
                     .build();
    }

    private static Duration blockedFor(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Too many failed sign-ins: 429 with {@code Retry-After}. */
    static final class SignInThrottled extends AuthenticationException {

        private final transient Duration retryAfter;

        SignInThrottled(Duration retryAfter) {
            super("Too many failed sign-ins");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
