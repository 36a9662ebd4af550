package org.servicehall.platform.commandapi;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Instant;

/**
 * What the headers of a command request say, checked by {@link CommandHeadersFilter} before anything else reads them, and who
 * sent it.
 *
 * @param clientId        the integrator client whose API key signed in
 * @param correlationId   {@code X-Correlation-Id}, or the one generated for this request
 * @param occurredAt      {@code X-Occurred-At}, or when the request arrived
 * @param staffId         {@code X-Staff-Id}, or null
 * @param hallId          {@code X-Hall-Id}, or null
 * @param expectedVersion the version {@code If-Match} names, or null (absent or {@code *})
 * @param idempotencyKey  {@code Idempotency-Key}, or null
 */
record CommandContext(String clientId, String correlationId, Instant occurredAt, String staffId, String hallId,
                      Long expectedVersion, String idempotencyKey) {

    static final String ATTRIBUTE = CommandContext.class.getName();

    static CommandContext of(HttpServletRequest request) {
        return (CommandContext) request.getAttribute(ATTRIBUTE);
    }

    static CommandContext current() {
        Object context = RequestContextHolder.currentRequestAttributes()
                                             .getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (context == null) {
            throw new IllegalStateException("Commands are sent from POST, PUT, PATCH or DELETE handlers under /api/, "
                                                    + "whose headers CommandHeadersFilter has checked");
        }
        return (CommandContext) context;
    }
}
