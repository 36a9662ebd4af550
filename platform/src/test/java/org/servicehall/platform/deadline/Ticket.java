package org.servicehall.platform.deadline;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A test-only aggregate shaped like a work order: reminded an hour before it is due, then marked overdue, unless it
 * was closed first. Package-private like every aggregate (the command side's architecture test sees this class).
 */
@Aggregate
class Ticket {

    record OpenTicket(@TargetAggregateIdentifier String ticketId, Instant dueAt) {
    }

    record CloseTicket(@TargetAggregateIdentifier String ticketId) {
    }

    record PostponeTicket(@TargetAggregateIdentifier String ticketId, Instant dueAt) {
    }

    record TicketOpened(String ticketId, Instant dueAt) {
    }

    record TicketReminded(String ticketId) {
    }

    record TicketOverdue(String ticketId, Instant dueAt) {
    }

    record TicketClosed(String ticketId) {
    }

    record TicketPostponed(String ticketId, Instant dueAt) {
    }

    record Due(Instant dueAt) {
    }

    static final String REMINDER = "ticket-reminder";
    static final String OVERDUE = "ticket-overdue";
    static final Duration REMINDER_BEFORE = Duration.ofHours(1);

    @AggregateIdentifier
    private String ticketId;
    private boolean closed;
    private boolean reminded;

    Ticket() {
    }

    @CommandHandler
    Ticket(OpenTicket command, DeadlineManager deadlines) {
        apply(new TicketOpened(command.ticketId(), command.dueAt()));
        deadlines.schedule(command.dueAt().minus(REMINDER_BEFORE), REMINDER, new Due(command.dueAt()));
    }

    @CommandHandler
    void handle(CloseTicket command, DeadlineManager deadlines) {
        apply(new TicketClosed(ticketId));
        deadlines.cancelAllWithinScope(REMINDER);
        deadlines.cancelAllWithinScope(OVERDUE);
    }

    /** Applies first, then schedules, as a command on an existing work order does. */
    @CommandHandler
    void handle(PostponeTicket command, DeadlineManager deadlines) {
        apply(new TicketPostponed(ticketId, command.dueAt()));
        deadlines.cancelAllWithinScope(REMINDER);
        deadlines.schedule(command.dueAt().minus(REMINDER_BEFORE), REMINDER, new Due(command.dueAt()));
    }

    /**
     * Checks its state: a deadline may fire after the state it was meant for has changed, and (delivery being at
     * least once: an instance can die between handling and deleting) more than once.
     */
    @DeadlineHandler(deadlineName = REMINDER)
    void remind(Due due, DeadlineManager deadlines) {
        if (!closed && !reminded) {
            apply(new TicketReminded(ticketId));
            deadlines.schedule(due.dueAt(), OVERDUE, due);
        }
    }

    @DeadlineHandler(deadlineName = OVERDUE)
    void overdue(Due due) {
        if (!closed) {
            apply(new TicketOverdue(ticketId, due.dueAt()));
        }
    }

    @EventSourcingHandler
    void on(TicketOpened event) {
        ticketId = event.ticketId();
    }

    @EventSourcingHandler
    void on(TicketReminded event) {
        reminded = true;
    }

    @EventSourcingHandler
    void on(TicketClosed event) {
        closed = true;
    }
}
