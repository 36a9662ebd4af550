package org.servicehall.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.visit.ConfirmVisitInProgress;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The command gateway as fixture tests of things opened during a visit see it: it answers
 * {@link ConfirmVisitInProgress} as the visit would (every visit is in progress except {@link #OVER}, and
 * {@link #MISSING} does not exist) and records every other command sent, for the test to verify.
 */
public final class TestVisits {

    public static final String OVER = "visit-over";
    public static final String MISSING = "visit-missing";

    private TestVisits() {
    }

    public static CommandGateway gateway() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(new ConfirmVisitInProgress(OVER)))
                .thenThrow(new RuleViolation("visit-over", "Visit " + OVER + " is over"));
        when(gateway.sendAndWait(new ConfirmVisitInProgress(MISSING)))
                .thenThrow(new RuleViolation("visit-not-found", "Visit " + MISSING + " does not exist"));
        return gateway;
    }
}
