package org.servicehall.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Loads the aggregate a command is for, in an explicit command handler that decides a command with several aggregates
 * (a fee collected into a payment and a cashier's shift), as Axon loads it for an aggregate's own handler: the
 * aggregate its {@code @TargetAggregateIdentifier} names, at the version the sender expects ({@code If-Match}, see
 * {@link ExpectedVersionTargetResolver}). A stale version is refused at once, before anything is decided
 * ({@link PreconditionsFirst}). The other aggregates the handler loads are not what {@code If-Match} is about.
 */
public final class CommandTarget {

    private static final CommandTargetResolver TARGETS = new ExpectedVersionTargetResolver();

    private CommandTarget() {
    }

    public static <T> Aggregate<T> load(Repository<T> repository, CommandMessage<?> command) {
        VersionedAggregateIdentifier target = TARGETS.resolveTarget(command);
        Aggregate<T> aggregate = repository.load(target.getIdentifier(), target.getVersion());
        PreconditionsFirst.refuseStaleVersion();
        return aggregate;
    }
}
