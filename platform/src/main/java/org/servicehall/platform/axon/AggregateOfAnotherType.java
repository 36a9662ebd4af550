package org.servicehall.platform.axon;

import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * A command named, as the aggregate it is for, the id of an aggregate of another type (a visit command sent to a
 * payment's id): for that command there is no such aggregate, so it is a 404 like any unknown id. Not Axon's own
 * {@link AggregateNotFoundException}, so that a repository's {@code loadOrCreate} does not take the id as free and
 * extend the other aggregate's stream with events of its own type.
 */
public class AggregateOfAnotherType extends AggregateNotFoundException {

    public AggregateOfAnotherType(String aggregateIdentifier, String expectedType, String actualType) {
        super(aggregateIdentifier, "Aggregate " + aggregateIdentifier + " is a " + actualType + ", not a "
                + expectedType);
    }
}
