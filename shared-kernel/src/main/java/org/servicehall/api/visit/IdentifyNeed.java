package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.servicehall.api.BusinessType;

/** The guide asked and decided what the customer came for. */
public record IdentifyNeed(@TargetAggregateIdentifier String visitId,
                           String staffId,
                           BusinessType businessType) {
}
