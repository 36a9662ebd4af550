package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.servicehall.api.BusinessType;

/**
 * Before the see-off the staff asked whether the customer needs a next step or other business; if so, {@code
 * nextBusinessType} says what.
 */
public record CheckOtherNeeds(@TargetAggregateIdentifier String visitId,
                              String staffId,
                              boolean furtherNeeds,
                              BusinessType nextBusinessType) {
}
