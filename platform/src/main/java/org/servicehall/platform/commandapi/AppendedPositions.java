package org.servicehall.platform.commandapi;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.OptionalLong;

/**
 * Tells the HTTP request that sent a command the global position its events were stored at, for read-your-writes:
 * a client passes it to the query side ({@code X-Await-Position}) to wait until a view shows the change.
 * <p>
 * The position is only known once the unit of work commits, after Axon has made the command's result; the command
 * bus handles the command on the request's own thread, so the commit hook leaves it in the request's attributes.
 */
final class AppendedPositions implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String ATTRIBUTE = AppendedPositions.class.getName();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && unitOfWork.isRoot()) {
            unitOfWork.afterCommit(committed -> SequencedEventStorageEngine.appendedPosition(committed).ifPresent(
                    position -> request.setAttribute(ATTRIBUTE, position, RequestAttributes.SCOPE_REQUEST)));
        }
        return interceptorChain.proceed();
    }

    /** The position the current request's last command appended at, if it appended anything. */
    static OptionalLong ofCurrentRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Long p
                ? OptionalLong.of(p) : OptionalLong.empty();
    }
}
