package org.servicehall.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The question was answered on the spot. */
public record AnswerInquiry(@TargetAggregateIdentifier String consultationId,
                            String staffId,
                            String answer) {
}
