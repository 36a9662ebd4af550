package org.servicehall.command.visit;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.visit.AppointmentBooked;
import org.servicehall.api.visit.BookAppointment;
import org.servicehall.api.visit.CallToCounter;
import org.servicehall.api.visit.CheckOtherNeeds;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerRerouted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.FormCorrectionRequested;
import org.servicehall.api.visit.GreetCustomer;
import org.servicehall.api.visit.HandOver;
import org.servicehall.api.visit.HandedOverToBackOffice;
import org.servicehall.api.visit.IdentifyNeed;
import org.servicehall.api.visit.IssueQueueTicket;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.OtherNeedsChecked;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RecordWalkOut;
import org.servicehall.api.visit.RequestFormCorrection;
import org.servicehall.api.visit.RerouteCustomer;
import org.servicehall.api.visit.RouteCustomer;
import org.servicehall.api.visit.RoutedToBackOffice;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.RoutedToDepartment;
import org.servicehall.api.visit.RoutedToSelfService;
import org.servicehall.api.visit.SeeOffCustomer;
import org.servicehall.api.visit.StartVisit;
import org.servicehall.api.visit.TransferredToDepartment;
import org.servicehall.api.visit.VisitStarted;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's visit to the hall, from walking in to being seen off (or leaving unserved).
 * <p>
 * It refuses what the hall's rules forbid and the system can tell when a command arrives: anything after the visit
 * ended, a second greeting, a second routing (a change of mind or a wrong judgement is a re-routing with its reason,
 * so routing errors can be counted), a hand-over without a routing to the back office or another department, and
 * an end to the visit while a hand-over that reached nobody still waits for its appointment. How the staff behaved
 * (wet-floor sign, belongings reminder, other needs asked) is recorded as it was, not refused: the compliance audit
 * judges it from the events.
 */
@Aggregate
class Visit {

    @AggregateIdentifier
    private String visitId;
    /** How the visit ended ("the customer was seen off", "the customer left without service"); null while on. */
    private String ending;
    private boolean greeted;
    /** Where the customer is routed now; null before the first routing. */
    private Destination destination;
    /** The department of a routing to another department. */
    private String department;
    /** A hand-over to the current destination reached someone. */
    private boolean handedOver;
    /** A hand-over reached nobody and no appointment has been booked since. */
    private boolean appointmentDue;
    /** The department the unreached hand-over was for; null for the back office. */
    private String appointmentDepartment;
    private final Set<String> ticketNumbers = new HashSet<>();

    Visit() {
        // for Axon to rebuild the visit from its events
    }

    @CommandHandler
    Visit(StartVisit command) {
        apply(new VisitStarted(command.visitId(), command.hallId()));
    }

    /**
     * Other features ask this before opening something during the visit, through {@link VisitConfirmation}: it fails
     * if the visit is over. (That the visit does not exist at all is found there, as it loads it.)
     */
    void requireInProgress() {
        if (ending != null) {
            throw new RuleViolation("visit-over", "Visit " + visitId + " is over: " + ending
                    + " and the visit accepts nothing more");
        }
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
    void handle(IdentifyNeed command) {
        requireInProgress();
        apply(new NeedIdentified(visitId, command.staffId(), command.businessType()));
    }

    @CommandHandler
    void handle(RouteCustomer command) {
        requireInProgress();
        if (destination != null) {
            throw new RuleViolation("already-routed", "The customer of visit " + visitId + " was already routed to "
                    + describe(destination, department) + "; routing again is a re-routing, with its reason");
        }
        requireRoutingDetails(command.destination(), command.counter(), command.department());
        apply(switch (command.destination()) {
            case SELF_SERVICE -> new RoutedToSelfService(visitId, command.staffId());
            case COUNTER -> new RoutedToCounter(visitId, command.staffId(), command.counter());
            case BACK_OFFICE -> new RoutedToBackOffice(visitId, command.staffId());
            case OTHER_DEPARTMENT -> new RoutedToDepartment(visitId, command.staffId(), command.department());
        });
    }

    @CommandHandler
    void handle(RerouteCustomer command) {
        requireInProgress();
        if (destination == null) {
            throw new RuleViolation("not-routed-yet", "The customer of visit " + visitId
                    + " was never routed, so there is nothing to route again; route the customer first");
        }
        requireRoutingDetails(command.destination(), command.counter(), command.department());
        apply(new CustomerRerouted(visitId, command.staffId(), command.reason(), command.destination(),
                                   command.counter(), command.department()));
    }

    @CommandHandler
    void handle(IssueQueueTicket command) {
        requireInProgress();
        if (ticketNumbers.contains(command.ticketNumber())) {
            throw new RuleViolation("ticket-already-issued", "Ticket " + command.ticketNumber()
                    + " was already issued to the customer of visit " + visitId);
        }
        apply(new QueueTicketIssued(visitId, command.ticketNumber(), command.businessType()));
    }

    @CommandHandler
    void handle(RequestFormCorrection command) {
        requireInProgress();
        apply(new FormCorrectionRequested(visitId, command.staffId(), command.form(), command.helpOffered()));
    }

    @CommandHandler
    void handle(CallToCounter command) {
        requireInProgress();
        if (command.ticketNumber() != null && !ticketNumbers.contains(command.ticketNumber())) {
            throw new RuleViolation("ticket-not-issued", "Ticket " + command.ticketNumber()
                    + " was not issued to the customer of visit " + visitId + "; issued: " + ticketNumbers);
        }
        apply(new CounterCalled(visitId, command.staffId(), command.counter(), command.ticketNumber()));
    }

    @CommandHandler
    void handle(HandOver command) {
        requireInProgress();
        if (destination != Destination.BACK_OFFICE && destination != Destination.OTHER_DEPARTMENT) {
            throw new RuleViolation("not-routed-for-hand-over", "A hand-over follows a routing to the back office "
                    + "or another department; the customer of visit " + visitId + " is routed to "
                    + describe(destination, department));
        }
        if (handedOver) {
            throw new RuleViolation("already-handed-over", "The customer of visit " + visitId
                    + " was already handed over to " + describe(destination, department));
        }
        if (!command.reached()) {
            requireContactDetails(command.customerId(), command.contactName(), command.contactPhone(),
                                  "A hand-over that reached nobody");
        }
        apply(destination == Destination.BACK_OFFICE
                      ? new HandedOverToBackOffice(visitId, command.staffId(), command.method(), command.reached(),
                                                   command.customerId(), command.contactName(),
                                                   command.contactPhone())
                      : new TransferredToDepartment(visitId, command.staffId(), department, command.method(),
                                                    command.reached(), command.customerId(), command.contactName(),
                                                    command.contactPhone()));
    }

    @CommandHandler
    void handle(BookAppointment command) {
        requireInProgress();
        if (!appointmentDue) {
            throw new RuleViolation("appointment-not-needed", "An appointment is booked when a hand-over reached "
                    + "nobody; visit " + visitId + " has no such hand-over waiting for one");
        }
        requireContactDetails(command.customerId(), command.contactName(), command.contactPhone(), "An appointment");
        String with = command.department() != null ? command.department() : appointmentDepartment;
        apply(new AppointmentBooked(visitId, command.staffId(), command.appointmentAt(), with, command.customerId(),
                                    command.contactName(), command.contactPhone()));
    }

    @CommandHandler
    void handle(CheckOtherNeeds command) {
        requireInProgress();
        if (command.furtherNeeds() && command.nextBusinessType() == null) {
            throw new RuleViolation("next-business-type-required", "The customer of visit " + visitId
                    + " has further needs: say which business type comes next");
        }
        if (!command.furtherNeeds() && command.nextBusinessType() != null) {
            throw new RuleViolation("next-business-type-not-applicable", "The customer of visit " + visitId
                    + " has no further needs, so there is no next business type");
        }
        apply(new OtherNeedsChecked(visitId, command.staffId(), command.furtherNeeds(), command.nextBusinessType()));
    }

    @CommandHandler
    void handle(SeeOffCustomer command) {
        requireInProgress();
        if (appointmentDue) {
            throw new RuleViolation("appointment-required", "A hand-over of visit " + visitId + " reached nobody: "
                    + "book the customer an appointment before seeing them off");
        }
        apply(new CustomerSeenOff(visitId, command.staffId(), command.belongingsReminded()));
    }

    /** A customer who leaves cannot be held for an appointment: the audit sees the unreached hand-over. */
    @CommandHandler
    void handle(RecordWalkOut command) {
        requireInProgress();
        apply(new CustomerLeftWithoutService(visitId, command.staffId()));
    }

    private static void requireRoutingDetails(Destination destination, String counter, String department) {
        if (destination == Destination.COUNTER && isBlank(counter)) {
            throw new RuleViolation("counter-required", "Routing to a counter needs the counter");
        }
        if (destination == Destination.OTHER_DEPARTMENT && isBlank(department)) {
            throw new RuleViolation("department-required", "Routing to another department needs the department");
        }
        if (destination != Destination.COUNTER && counter != null
                || destination != Destination.OTHER_DEPARTMENT && department != null) {
            throw new RuleViolation("routing-detail-not-applicable", "A routing to " + destination
                    + " takes " + (destination == Destination.COUNTER ? "a counter only"
                    : destination == Destination.OTHER_DEPARTMENT ? "a department only" : "no counter or department"));
        }
    }

    private static void requireContactDetails(String customerId, String name, String phone, String what) {
        if (isBlank(customerId) || isBlank(name) || isBlank(phone)) {
            throw new RuleViolation("contact-details-required", what
                    + " needs the customer's contact details: customerId, contactName and contactPhone");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String describe(Destination destination, String department) {
        if (destination == null) {
            return "nowhere yet";
        }
        return switch (destination) {
            case SELF_SERVICE -> "self-service";
            case COUNTER -> "a counter";
            case BACK_OFFICE -> "the back office";
            case OTHER_DEPARTMENT -> "department " + department;
        };
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
    void on(RoutedToSelfService event) {
        routedTo(Destination.SELF_SERVICE, null);
    }

    @EventSourcingHandler
    void on(RoutedToCounter event) {
        routedTo(Destination.COUNTER, null);
    }

    @EventSourcingHandler
    void on(RoutedToBackOffice event) {
        routedTo(Destination.BACK_OFFICE, null);
    }

    @EventSourcingHandler
    void on(RoutedToDepartment event) {
        routedTo(Destination.OTHER_DEPARTMENT, event.department());
    }

    @EventSourcingHandler
    void on(CustomerRerouted event) {
        routedTo(event.destination(), event.department());
    }

    private void routedTo(Destination destination, String department) {
        this.destination = destination;
        this.department = department;
        handedOver = false;
    }

    @EventSourcingHandler
    void on(QueueTicketIssued event) {
        ticketNumbers.add(event.ticketNumber());
    }

    @EventSourcingHandler
    void on(HandedOverToBackOffice event) {
        handOverTried(event.reached(), null);
    }

    @EventSourcingHandler
    void on(TransferredToDepartment event) {
        handOverTried(event.reached(), event.department());
    }

    /** Reaching someone, even on a later try, settles the customer's need: no appointment is owed any more. */
    private void handOverTried(boolean reached, String department) {
        handedOver = reached;
        appointmentDue = !reached;
        appointmentDepartment = reached ? null : department;
    }

    @EventSourcingHandler
    void on(AppointmentBooked event) {
        appointmentDue = false;
    }

    @EventSourcingHandler
    void on(CustomerSeenOff event) {
        ending = "the customer was seen off";
    }

    @EventSourcingHandler
    void on(CustomerLeftWithoutService event) {
        ending = "the customer left without service";
    }
}
