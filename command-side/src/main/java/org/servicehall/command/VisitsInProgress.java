package org.servicehall.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.visit.ConfirmVisitInProgress;
import org.springframework.stereotype.Component;

/**
 * How an application, payment or complaint opened during a visit checks that visit first: the creation handler
 * takes this as a parameter. It is a command to the visit, not a read of a view, so it sees the visit as it is now.
 */
@Component
public class VisitsInProgress {

    private final CommandGateway commands;

    public VisitsInProgress(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * Refuses with {@code visit-over} if the visit is over and {@code visit-not-found} if there is no such visit
     * (a 409 rather than a 404: the request names an existing resource type, it is the link that is wrong).
     * Nothing to check when {@code visitId} is {@code null}: the thing does not belong to a visit (a phone call).
     */
    public void confirm(String visitId) {
        if (visitId == null) {
            return;
        }
        try {
            commands.sendAndWait(new ConfirmVisitInProgress(visitId));
        } catch (AggregateNotFoundException e) {
            throw new RuleViolation("visit-not-found", "Visit " + visitId + " does not exist");
        }
    }
}
