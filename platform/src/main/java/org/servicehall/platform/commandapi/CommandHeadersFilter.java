package org.servicehall.platform.commandapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.servicehall.platform.signin.Caller;
import org.servicehall.platform.values.ExactValues;
import org.servicehall.platform.values.Ids;
import org.servicehall.platform.values.TimeWindow;
import org.servicehall.platform.web.ApiProperties;
import org.servicehall.platform.web.CorrelationIdFilter;
import org.servicehall.platform.web.HallHeaders;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the headers of every command request (POST, PUT, PATCH, DELETE under {@code /api/}, not the admin endpoints)
 * once the caller has signed in and before the body is read, answers 400 naming every invalid header, and leaves a
 * {@link CommandContext} for the rest: the client is the one whose API key signed in. Ids are {@link Ids},
 * {@code X-Occurred-At} an instant as {@link ExactValues} reads one, within {@code hall.api.occurred-at}.
 */
final class CommandHeadersFilter extends OncePerRequestFilter {

    static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Managing the system, not commands: no events, no command headers. */
    static final String ADMIN_PATHS = "/api/admin/";

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern VERSION = Pattern.compile("\"(\\d{1,19})\"|(\\d{1,19})");
    private static final String VERSION_RULE = "must be one version as the ETag gave it, e.g. \"3\", or *";

    private final ApiProperties properties;
    private final Clock clock;
    private final HandlerExceptionResolver problems;

    CommandHeadersFilter(ApiProperties properties, Clock clock, HandlerExceptionResolver problems) {
        this.properties = properties;
        this.clock = clock;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !COMMAND_METHODS.contains(request.getMethod()) || request.getRequestURI().startsWith(ADMIN_PATHS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<InvalidField> errors = new ArrayList<>();
        if (request.getHeader(HallHeaders.CLIENT_ID) != null) {
            errors.add(InvalidField.header(HallHeaders.CLIENT_ID, "is not read any more: the client is the one "
                    + "whose API key (X-Api-Key) signed in, recorded as clientId on every event; leave the header "
                    + "out", request.getHeader(HallHeaders.CLIENT_ID)));
        }
        String staffId = id(request, HallHeaders.STAFF_ID, errors);
        String hallId = id(request, HallHeaders.HALL_ID, errors);
        Instant occurredAt = occurredAt(request, errors);
        Long expectedVersion = expectedVersion(request, errors);
        String idempotencyKey = single(request, HallHeaders.IDEMPOTENCY_KEY, errors);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            errors.add(InvalidField.header(HallHeaders.IDEMPOTENCY_KEY,
                                           "must be 1 to 255 visible ASCII characters (a UUID will do)",
                                           idempotencyKey));
        }
        if (!errors.isEmpty()) {
            problems.resolveException(request, response, null, new InvalidInput(errors));
            return;
        }
        request.setAttribute(CommandContext.ATTRIBUTE, new CommandContext(
                Caller.current().clientId().orElse(null), CorrelationIdFilter.of(request), occurredAt, staffId,
                hallId, expectedVersion,
                idempotencyKey));
        chain.doFilter(request, response);
    }

    private static String id(HttpServletRequest request, String header, List<InvalidField> errors) {
        String value = single(request, header, errors);
        if (value != null && !Ids.valid(value)) {
            errors.add(InvalidField.header(header, Ids.RULE, value));
            return null;
        }
        return value;
    }

    /** When it happened in the hall; without the header, now. Far future or far past is a client's clock gone wrong. */
    private Instant occurredAt(HttpServletRequest request, List<InvalidField> errors) {
        Instant now = clock.instant();
        String value = single(request, HallHeaders.OCCURRED_AT, errors);
        if (value == null) {
            return now;
        }
        Instant occurredAt = ExactValues.instant(value).orElse(null);
        if (occurredAt == null) {
            errors.add(InvalidField.header(HallHeaders.OCCURRED_AT, "must be " + ExactValues.INSTANT_RULE, value));
            return null;
        }
        ApiProperties.OccurredAt limits = properties.occurredAt();
        String outside = TimeWindow.outside(occurredAt, now, limits.maxAge(), limits.maxSkew());
        if (outside != null) {
            errors.add(InvalidField.header(HallHeaders.OCCURRED_AT, outside, value));
        }
        return occurredAt;
    }

    private static Long expectedVersion(HttpServletRequest request, List<InvalidField> errors) {
        String value = single(request, HttpHeaders.IF_MATCH, errors);
        if (value == null || value.strip().equals("*")) {
            return null;
        }
        if (value.strip().startsWith("W/")) {
            errors.add(InvalidField.header(HttpHeaders.IF_MATCH, "is a weak entity tag, which never matches here; "
                    + VERSION_RULE, value));
            return null;
        }
        Matcher version = VERSION.matcher(value.strip());
        try {
            if (version.matches()) {
                return Long.parseLong(version.group(1) != null ? version.group(1) : version.group(2));
            }
        } catch (NumberFormatException tooLarge) {
            // falls through to the error below
        }
        errors.add(InvalidField.header(HttpHeaders.IF_MATCH, VERSION_RULE, value));
        return null;
    }

    private static String single(HttpServletRequest request, String header, List<InvalidField> errors) {
        List<String> values = Collections.list(request.getHeaders(header));
        if (values.size() > 1) {
            errors.add(InvalidField.header(header, "must be sent once", String.join(", ", values)));
            return null;
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
