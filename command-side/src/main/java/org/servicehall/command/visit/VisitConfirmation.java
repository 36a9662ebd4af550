package org.servicehall.command.visit;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.servicehall.api.RuleViolation;
import org.servicehall.command.VisitsInProgress;
import org.springframework.stereotype.Component;

/**
 * Confirms a visit is in progress for the features that open things during one. It loads the visit in the caller's
 * unit of work, so that a visit that does not exist (or an id of something else) is a refusal like a visit that is
 * over (409 {@code visit-not-found}), not a 404 about the thing being opened.
 */
@Component
class VisitConfirmation implements VisitsInProgress {

    private final Repository<Visit> visits;

    VisitConfirmation(Repository<Visit> visits) {
        this.visits = visits;
    }

    @Override
    public void requireInProgress(String visitId) {
        Aggregate<Visit> visit;
        try {
            visit = visits.load(visitId);
        } catch (AggregateNotFoundException e) {
            throw new RuleViolation("visit-not-found", "Visit " + visitId + " does not exist");
        }
        visit.execute(Visit::requireInProgress);
    }
}
