package org.servicehall.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands back, with a command's result, the version each aggregate reached while the command was handled (the sequence
 * number of its last event), so the HTTP API can answer with it without every {@code @CommandHandler} returning it.
 * <p>
 * An aggregate publishes its new events to the event store as it applies them, inside the command's unit of work:
 * {@link RecordingEventStore} notes each aggregate's last sequence number in that unit of work, and this interceptor
 * adds them to the result's metadata ({@value #RESULT_METADATA_KEY}: {aggregateId: version}) once the handler
 * returns. (Axon's dispatch interceptors on the event bus would come too late: they run when the unit of work commits,
 * after the result is made.) The payload is untouched, so {@code sendAndWait} callers see no difference. Loading an
 * aggregate does not publish, so a command that applies nothing leaves no entry.
 */
public final class AggregateVersions implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String RESULT_METADATA_KEY = "aggregateVersions";

    private static final String RESOURCE = AggregateVersions.class.getName();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        Map<String, Long> versions = unitOfWork.getResource(RESOURCE);
        if (versions == null || versions.isEmpty()) {
            return result;
        }
        return GenericCommandResultMessage.asCommandResultMessage(result)
                                          .andMetaData(Map.of(RESULT_METADATA_KEY, Map.copyOf(versions)));
    }

    /** The version {@code aggregateId} reached while the command with this result was handled, if it changed. */
    public static Optional<Long> of(CommandResultMessage<?> result, String aggregateId) {
        return result.getMetaData().get(RESULT_METADATA_KEY) instanceof Map<?, ?> versions
                && versions.get(aggregateId) instanceof Number version
                ? Optional.of(version.longValue()) : Optional.empty();
    }

    private static void record(List<? extends EventMessage<?>> events) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Map<String, Long> versions = CurrentUnitOfWork.get().getOrComputeResource(RESOURCE, key -> new HashMap<>());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
                versions.put(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
            }
        }
    }

    /** Axon's event store, noting in the current unit of work the last sequence number of each aggregate published. */
    public static final class RecordingEventStore extends EmbeddedEventStore {

        public RecordingEventStore(Builder builder) {
            super(builder);
        }

        @Override
        public void publish(List<? extends EventMessage<?>> events) {
            record(events);
            super.publish(events);
        }
    }
}
