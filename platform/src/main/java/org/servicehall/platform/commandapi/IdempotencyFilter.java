package org.servicehall.platform.commandapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.common.AxonTransientException;
import org.servicehall.platform.web.HallHeaders;
import org.servicehall.platform.web.RefusedBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a command with an {@code Idempotency-Key} safe to retry: the first request with a key (per client) is
 * handled and its response kept; a later one with the same key and the same request gets that response again, with
 * {@code Idempotent-Replayed: true}, and nothing is recorded anew.
 * <ul>
 * <li>Same key, different request (method, path, body, or the {@code If-Match}, {@code X-Staff-Id},
 * {@code X-Hall-Id}, {@code X-Occurred-At} headers): 422.</li>
 * <li>Same key while the first request is still being handled: 409 with {@code Retry-After: 1}, at once (no thread
 * waits). A first request whose instance died is taken over after {@code in-progress-timeout}.</li>
 * <li>Kept and replayed: 2xx, and the 4xx the domain decided (404, 409 rule violated, 410, 412). Not kept, so a retry
 * with the key runs again: input errors (400, 413, 415...), 409 concurrent change (another writer won; retrying is
 * the remedy), and 5xx, whose outcome is unknown; guard such retries with {@code If-Match} if running twice would
 * matter.</li>
 * </ul>
 * Bodies are compared byte for byte; a client retries by sending the same bytes again.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final List<String> FINGERPRINTED_HEADERS = List.of(HttpHeaders.IF_MATCH, HallHeaders.STAFF_ID,
                                                                      HallHeaders.HALL_ID, HallHeaders.OCCURRED_AT);
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
                                                                 HttpHeaders.ETAG, HallHeaders.CORRELATION_ID,
                                                                 Commands.EVENT_POSITION_HEADER);
    private static final List<Integer> DECIDED_CLIENT_ERRORS = List.of(404, 409, 410, 412);

    private final IdempotencyStore store;
    private final HandlerExceptionResolver problems;

    IdempotencyFilter(IdempotencyStore store, HandlerExceptionResolver problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        CommandContext context = CommandContext.of(request);
        return context == null || context.idempotencyKey() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes(); // at most hall.api.max-body-size: see WellFormedRequests
        } catch (RefusedBody refused) {
            problems.resolveException(request, response, null, refused);
            return;
        }
        CommandContext context = CommandContext.of(request);
        IdempotencyStore.Claim claim = store.claim(context.clientId() + " " + context.idempotencyKey(),
                                                   fingerprint(request, body));
        if (claim instanceof IdempotencyStore.Claimed claimed) {
            handle(new CachedBodyRequest(request, body), response, chain, claimed);
        } else if (claim instanceof IdempotencyStore.Replay replay) {
            replay(replay.response(), response);
        } else {
            problems.resolveException(request, response, null, claim instanceof IdempotencyStore.Mismatch
                    ? CommandProblems.idempotencyKeyReused() : CommandProblems.idempotencyKeyInUse());
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                        IdempotencyStore.Claimed claim) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            store.release(claim);
            throw e;
        }
        try {
            if (kept(recorded.getStatus(), request)) {
                store.complete(claim, stored(recorded));
            } else {
                store.release(claim);
            }
        } catch (RuntimeException e) {
            // The command's outcome stands; a retry after in-progress-timeout will run it again.
            log.warn("Could not keep the response for an idempotency key; a retry may run the command again", e);
        }
        recorded.copyBodyToResponse();
    }

    private static boolean kept(int status, HttpServletRequest request) {
        if (status >= 200 && status < 300) {
            return true;
        }
        return DECIDED_CLIENT_ERRORS.contains(status)
                && !(request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof AxonTransientException);
    }

    private static IdempotencyStore.StoredResponse stored(ContentCachingResponseWrapper response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = name.equals(HttpHeaders.CONTENT_TYPE) ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new IdempotencyStore.StoredResponse(response.getStatus(), headers,
                                                   new String(response.getContentAsByteArray(),
                                                              StandardCharsets.UTF_8));
    }

    private static void replay(IdempotencyStore.StoredResponse stored, HttpServletResponse response)
            throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(HallHeaders.IDEMPOTENT_REPLAYED, "true");
        byte[] body = stored.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString();
            digest.update((request.getMethod() + " " + request.getRequestURI() + (query != null ? "?" + query : ""))
                                  .getBytes(StandardCharsets.UTF_8));
            for (String header : FINGERPRINTED_HEADERS) {
                digest.update((byte) 0);
                String value = request.getHeader(header);
                digest.update((value != null ? value : "").getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * The request with its body already read (to compare it with the first request's), readable again by the
     * controller. Spring's {@code ContentCachingRequestWrapper} only keeps what the controller reads, too late here.
     */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already in memory");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
        }

        private static Charset charset(String encoding) {
            try {
                return encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
