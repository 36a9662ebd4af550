package org.servicehall.query.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.List;

/** Makes {@link ReadYourWrites} endpoints wait for the position a request asks for. */
class AwaitPositionInterceptor implements HandlerInterceptor {

    static final String HEADER = "X-Await-Position";
    static final String PARAMETER = "awaitPosition";
    static final String BEHIND_HEADER = "X-View-Behind";
    private static final String MEANING = "is a global position: a whole number, 0 or more (the X-Event-Position a "
            + "command answered with)";

    private final ViewPositions positions;
    private final Duration timeout;

    AwaitPositionInterceptor(ViewPositions positions, Duration timeout) {
        this.positions = positions;
        this.timeout = timeout;
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
        long position = header != null ? position(InvalidField.header(HEADER, MEANING, header))
                : position(new InvalidField(PARAMETER, "query", MEANING, parameter, null));
        boolean reached = positions.await(position, timeout, List.of(readYourWrites.value()));
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
    private static long position(InvalidField given) {
        try {
            long position = Long.parseLong(given.rejectedValue().toString().trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput(List.of(given));
    }
}
