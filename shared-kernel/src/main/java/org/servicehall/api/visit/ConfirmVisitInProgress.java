package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks a visit whether it is still in progress. The command side sends it before opening a consultation,
 * application, payment or complaint during a visit: it is refused if the visit does not exist or is already over
 * (the customer was seen off or left), and changes nothing otherwise.
 */
public record ConfirmVisitInProgress(@TargetAggregateIdentifier String visitId) {
}
