package org.servicehall.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's aggregate by its {@code @TargetAggregateIdentifier} (as Axon does by default) and takes the
 * version the sender expects it to be at from the command's metadata ({@value #EXPECTED_VERSION}), set from the
 * HTTP {@code If-Match} header. So the command records stay free of versions, and Axon's repository does the check:
 * a stale version fails with {@code ConflictingAggregateVersionException} (412), before the handler runs thanks to
 * {@link PreconditionsFirst}. The key is not correlation data: it is never copied to events.
 */
public final class ExpectedVersionTargetResolver implements CommandTargetResolver {

    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotated.resolveTarget(command);
        if (command.getMetaData().get(EXPECTED_VERSION) instanceof Number expected) {
            return new VersionedAggregateIdentifier(target.getIdentifierValue(), expected.longValue());
        }
        return target;
    }
}
