package org.servicehall.query.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.servicehall.platform.values.ExactValues;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Makes {@link ReadYourWrites} endpoints wait for the position a request asks for, within bounds, since a waiting
 * request holds one of Tomcat's workers: a position beyond the event store's head (the last position any command was
 * given) is refused at once (400: no command answered with it, so it may never come); at most
 * {@code hall.query.await-limit} requests of this instance wait at once, and at most
 * {@code hall.query.await-limit-per-caller} of one caller (the signed-in user, else the remote address); a request
 * beyond those answers at once, with {@code X-View-Behind} saying whether the views have reached the position.
 */
class AwaitPositionInterceptor implements HandlerInterceptor {

    static final String HEADER = "X-Await-Position";
    static final String PARAMETER = "awaitPosition";
    static final String BEHIND_HEADER = "X-View-Behind";
    private static final String MEANING = "is a global position: a whole number, 0 or more (the X-Event-Position a "
            + "command answered with)";

    private final ViewPositions positions;
    private final LongSupplier head;
    private final QueryProperties properties;
    private final Semaphore waiting;
    private final Map<String, Integer> waitingByCaller = new ConcurrentHashMap<>();

    /** @param head the event store's head position, read when a request asks for a position */
    AwaitPositionInterceptor(ViewPositions positions, LongSupplier head, QueryProperties properties) {
        this.positions = positions;
        this.head = head;
        this.properties = properties;
        this.waiting = new Semaphore(properties.awaitLimit());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        ReadYourWrites readYourWrites = readYourWrites(handler);
        if (readYourWrites == null) {
            return true;
        }
        String header = request.getHeader(HEADER);
        String parameter = request.getParameter(PARAMETER);
        if (header == null && parameter == null) {
            return true;
        }
        InvalidField given = header != null ? InvalidField.header(HEADER, MEANING, header)
                : new InvalidField(PARAMETER, "query", MEANING, parameter, null);
        long position = position(given);
        List<String> groups = List.of(readYourWrites.value());
        String caller = caller(request);
        boolean reached;
        if (enter(caller)) {
            try {
                reached = positions.await(position, properties.awaitTimeout(), groups);
            } finally {
                leave(caller);
            }
        } else {
            reached = groups.stream().allMatch(group -> positions.hasReached(group, position));
        }
        response.setHeader(BEHIND_HEADER, Boolean.toString(!reached));
        return true;
    }

    static ReadYourWrites readYourWrites(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return null;
        }
        ReadYourWrites onMethod = method.getMethodAnnotation(ReadYourWrites.class);
        return onMethod != null ? onMethod : method.getBeanType().getAnnotation(ReadYourWrites.class);
    }

    /** @param given the position as given, and the error it is if it is not one */
    private long position(InvalidField given) {
        String text = given.rejectedValue().toString();
        long position = ExactValues.wholeNumber(text, 0, Long.MAX_VALUE)
                                   .orElseThrow(() -> new InvalidInput(List.of(given)));
        long last = head.getAsLong();
        if (position > last) {
            throw new InvalidInput(List.of(new InvalidField(given.field(), given.in(), "lies beyond the last position "
                    + "the event store handed out (" + last + "): no command answered with it", text, null)));
        }
        return position;
    }

    /** Who is waiting: the signed-in user, or for a request without one, where it comes from. */
    private static String caller(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal != null ? "user " + principal.getName() : "address " + request.getRemoteAddr();
    }

    /** Takes a place among the waiting requests, if this instance and this caller have one left. */
    private boolean enter(String caller) {
        if (!waiting.tryAcquire()) {
            return false;
        }
        AtomicBoolean entered = new AtomicBoolean();
        waitingByCaller.compute(caller, (key, count) -> {
            int waitingNow = count == null ? 0 : count;
            entered.set(waitingNow < properties.awaitLimitPerCaller());
            return entered.get() ? waitingNow + 1 : count;
        });
        if (!entered.get()) {
            waiting.release();
        }
        return entered.get();
    }

    private void leave(String caller) {
        waitingByCaller.computeIfPresent(caller, (key, count) -> count > 1 ? count - 1 : null);
        waiting.release();
    }
}
