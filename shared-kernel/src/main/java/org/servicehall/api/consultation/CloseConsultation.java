package org.servicehall.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The question is settled: answered on the spot, or its work orders completed and the customer informed. */
public record CloseConsultation(@TargetAggregateIdentifier String consultationId,
                                String staffId) {
}
