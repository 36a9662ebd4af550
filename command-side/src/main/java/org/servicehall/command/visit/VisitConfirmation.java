package org.servicehall.command.visit;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.visit.ConfirmVisitInProgress;
import org.springframework.stereotype.Component;

/**
 * Answers {@link ConfirmVisitInProgress} for the features that open things during a visit. It loads the visit itself
 * rather than leaving the command to the aggregate, so that a visit that does not exist is a refusal like a visit
 * that is over (409 {@code visit-not-found}), not a 404 about the thing being opened.
 */
@Component
class VisitConfirmation {

    private final Repository<Visit> visits;

    VisitConfirmation(Repository<Visit> visits) {
        this.visits = visits;
    }

    @CommandHandler
    void handle(ConfirmVisitInProgress command) {
        Aggregate<Visit> visit;
        try {
            visit = visits.load(command.visitId());
        } catch (AggregateNotFoundException e) {
            throw new RuleViolation("visit-not-found", "Visit " + command.visitId() + " does not exist");
        }
        visit.execute(Visit::requireInProgress);
    }
}
