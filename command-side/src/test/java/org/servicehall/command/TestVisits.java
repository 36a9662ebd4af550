package org.servicehall.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.visit.ConfirmVisitInProgress;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Visits as fixture tests see them: every visit is in progress except {@link #OVER}, and {@link #MISSING} is none. */
public final class TestVisits {

    public static final String OVER = "visit-over";
    public static final String MISSING = "visit-missing";

    private TestVisits() {
    }

    public static VisitsInProgress visits() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(new ConfirmVisitInProgress(OVER)))
                .thenThrow(new RuleViolation("visit-over", "Visit " + OVER + " is over"));
        when(gateway.sendAndWait(new ConfirmVisitInProgress(MISSING)))
                .thenThrow(new AggregateNotFoundException(MISSING, "no such visit"));
        return new VisitsInProgress(gateway);
    }
}
