package org.servicehall.api.visit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A wrongly filled form was politely handed back to be filled again; the rules ask that help be offered. */
public record RequestFormCorrection(@TargetAggregateIdentifier String visitId,
                                    String staffId,
                                    String form,
                                    boolean helpOffered) {
}
