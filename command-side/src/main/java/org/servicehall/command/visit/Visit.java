package org.servicehall.command.visit;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.GreetCustomer;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.RouteCustomer;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.SeeOffCustomer;
import org.servicehall.api.visit.StartVisit;
import org.servicehall.api.visit.VisitStarted;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A customer's visit to the hall, from walking in to being seen off. */
@Aggregate
class Visit {

    @AggregateIdentifier
    private String visitId;
    private boolean greeted;
    private boolean seenOff;

    Visit() {
        // for Axon to rebuild the visit from its events
    }

    @CommandHandler
    Visit(StartVisit command) {
        apply(new VisitStarted(command.visitId(), command.hallId()));
    }

    @CommandHandler
    void handle(GreetCustomer command) {
        requireInProgress();
        if (greeted) {
            throw new RuleViolation("customer-already-greeted", "The customer of visit " + visitId
                    + " was already greeted");
        }
        apply(new CustomerGreeted(visitId, command.staffId(), command.rainy(), command.umbrellaStandShown(),
                                  command.wetFloor(), command.wetFloorSignShown()));
    }

    @CommandHandler
    void handle(RouteCustomer command) {
        requireInProgress();
        apply(new RoutedToCounter(visitId, command.staffId(), command.counter()));
    }

    @CommandHandler
    void handle(SeeOffCustomer command) {
        requireInProgress();
        apply(new CustomerSeenOff(visitId, command.staffId(), command.belongingsReminded()));
    }

    void requireInProgress() {
        if (seenOff) {
            throw new RuleViolation("visit-over", "Visit " + visitId
                    + " is over: the customer was seen off and the visit accepts nothing more");
        }
    }

    @EventSourcingHandler
    void on(VisitStarted event) {
        visitId = event.visitId();
    }

    @EventSourcingHandler
    void on(CustomerGreeted event) {
        greeted = true;
    }

    @EventSourcingHandler
    void on(CustomerSeenOff event) {
        seenOff = true;
    }
}
