package org.servicehall.platform.axon;

import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;

/**
 * Makes events applied by {@code @DeadlineHandler}s carry the metadata of the deadline (and so of the command that set
 * it), like events applied by command handlers and sagas do.
 * <p>
 * Axon registers the correlation data providers on the units of work of the command bus and of event processors, but
 * not on those of deadline managers (none of {@code SimpleDeadlineManager}, Quartz, JobRunr or db-scheduler does), so
 * an event applied by a deadline handler would carry no metadata at all. Registering them at the handler, rather than
 * as an interceptor on one deadline manager bean, works whichever deadline manager is configured.
 */
public final class DeadlineCorrelation implements HandlerEnhancerDefinition {

    private final List<CorrelationDataProvider> providers;

    public DeadlineCorrelation(List<CorrelationDataProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (original.annotationAttributes(DeadlineHandler.class).isEmpty()) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                CurrentUnitOfWork.ifStarted(
                        unitOfWork -> providers.forEach(unitOfWork::registerCorrelationDataProvider));
                return super.handle(message, target);
            }
        };
    }
}
