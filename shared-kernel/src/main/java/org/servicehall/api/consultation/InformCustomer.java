package org.servicehall.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The hall told the customer the answer the department gave. */
public record InformCustomer(@TargetAggregateIdentifier String consultationId,
                             String staffId,
                             InformMethod method) {
}
