package org.servicehall.platform.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Requests per integrator client and per signed-in person, {@code client-requests} (or {@code user-requests}) per
 * {@code period}, refilled evenly; beyond that 429 with {@code Retry-After}. The buckets live in this instance's
 * memory, bounded and expiring once idle: with n instances behind a balancer a caller gets up to n times the limit.
 */
final class RateLimits extends OncePerRequestFilter {

    private static final int TRACKED = 100_000;

    private final SignInProperties.RateLimit settings;
    private final SignInProblems problems;
    private final Cache<String, Bucket> buckets;

    RateLimits(SignInProperties.RateLimit settings, SignInProblems problems) {
        this.settings = settings;
        this.problems = problems;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(settings.period().multipliedBy(2))
                               .maximumSize(TRACKED).build();
    }

    /** 1h, 10m, 90s: as the setting would be written. */
    private static String readable(Duration period) {
        ChronoUnit unit = period.toSeconds() % 3600 == 0 ? ChronoUnit.HOURS
                : period.toSeconds() % 60 == 0 ? ChronoUnit.MINUTES : ChronoUnit.SECONDS;
        return DurationStyle.SIMPLE.print(period, unit);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (request.getDispatcherType() != DispatcherType.REQUEST || authentication == null
                || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = Caller.of(authentication);
        boolean client = caller.kind() != null;
        int allowed = client ? settings.clientRequests() : settings.userRequests();
        Bucket bucket = buckets.get((client ? "client " : "user ") + caller.name(), key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(allowed).refillGreedy(allowed, settings.period())).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
        } else {
            problems.tooManyRequests(request, response, Duration.ofNanos(probe.getNanosToWaitForRefill()),
                                     (client ? "Client '" : "User '") + caller.name() + "' may make " + allowed
                                     + " requests per " + readable(settings.period()));
        }
    }
}
