package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An appointment (预约) for a customer whose hand-over reached nobody. */
public record BookAppointment(@TargetAggregateIdentifier String visitId,
                              String staffId,
                              Instant appointmentAt,
                              String department,
                              String customerId,
                              String contactName,
                              String contactPhone) {
}
