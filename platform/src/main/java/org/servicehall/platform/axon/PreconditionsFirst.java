package org.servicehall.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.eventsourcing.conflictresolution.DefaultConflictResolver;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;


/**
 * Checks a command's expected version before its handler runs rather than after.
 * <p>
 * When an event-sourced aggregate is loaded at a later version than the command expects, Axon registers a
 * {@link DefaultConflictResolver} and only fails the unit of work when it commits, after the handler ran; a stale
 * command that also broke a rule would then be answered 409 instead of 412. HTTP evaluates preconditions first, and
 * so do we: no handler here resolves conflicts itself, so a stale version is refused outright.
 */
public final class PreconditionsFirst implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(CommandMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                refuseStaleVersion();
                return super.handle(message, target);
            }
        };
    }

    /**
     * Fails with {@code ConflictingAggregateVersionException} if the aggregate just loaded for the current command is
     * at a later version than expected.
     */
    static void refuseStaleVersion() {
        if (ConflictResolution.getConflictResolver() instanceof DefaultConflictResolver stale) {
            stale.ensureConflictsResolved();
        }
    }
}
