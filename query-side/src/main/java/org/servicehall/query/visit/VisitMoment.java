package org.servicehall.query.visit;

import org.axonframework.eventhandling.EventMessage;
import org.servicehall.api.visit.AppointmentBooked;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerRerouted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.HandedOverToBackOffice;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RerouteReason;
import org.servicehall.api.visit.RoutedToBackOffice;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.RoutedToDepartment;
import org.servicehall.api.visit.RoutedToSelfService;
import org.servicehall.api.visit.TransferredToDepartment;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.axon.EventTimes;
import org.servicehall.query.support.EventPositions;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * A step of a visit that its {@link VisitFigures} depend on. Views keep the steps rather than running totals, so the
 * figures come out the same whatever order the events were handled in and however often.
 *
 * @param at           when it happened in the hall
 * @param position     its global position, which orders steps that happened at the same time
 * @param destination  where a routing or re-routing sent the customer
 * @param routingError whether a re-routing corrected a wrong judgement
 * @param reached      whether a hand-over or transfer reached someone
 */
record VisitMoment(String eventId, Step step, Instant at, long position, Destination destination,
                   boolean routingError, boolean reached) {

    static final Comparator<VisitMoment> IN_ORDER = Comparator.comparing(VisitMoment::at)
                                                              .thenComparingLong(VisitMoment::position);

    enum Step {
        STARTED, TICKET_ISSUED, CALLED, ROUTED, REROUTED, HANDED_OVER, APPOINTMENT_BOOKED, SEEN_OFF, LEFT
    }

    /** The step the event is, if the figures depend on it. */
    static Optional<VisitMoment> of(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof VisitStarted) {
            return moment(event, Step.STARTED, null, false, false);
        } else if (payload instanceof QueueTicketIssued) {
            return moment(event, Step.TICKET_ISSUED, null, false, false);
        } else if (payload instanceof CounterCalled) {
            return moment(event, Step.CALLED, null, false, false);
        } else if (payload instanceof RoutedToCounter) {
            return moment(event, Step.ROUTED, Destination.COUNTER, false, false);
        } else if (payload instanceof RoutedToSelfService) {
            return moment(event, Step.ROUTED, Destination.SELF_SERVICE, false, false);
        } else if (payload instanceof RoutedToBackOffice) {
            return moment(event, Step.ROUTED, Destination.BACK_OFFICE, false, false);
        } else if (payload instanceof RoutedToDepartment) {
            return moment(event, Step.ROUTED, Destination.OTHER_DEPARTMENT, false, false);
        } else if (payload instanceof CustomerRerouted rerouted) {
            return moment(event, Step.REROUTED, rerouted.destination(),
                          rerouted.reason() == RerouteReason.WRONG_JUDGEMENT, false);
        } else if (payload instanceof HandedOverToBackOffice handOver) {
            return moment(event, Step.HANDED_OVER, Destination.BACK_OFFICE, false, handOver.reached());
        } else if (payload instanceof TransferredToDepartment transfer) {
            return moment(event, Step.HANDED_OVER, Destination.OTHER_DEPARTMENT, false, transfer.reached());
        } else if (payload instanceof AppointmentBooked) {
            return moment(event, Step.APPOINTMENT_BOOKED, null, false, false);
        } else if (payload instanceof CustomerSeenOff) {
            return moment(event, Step.SEEN_OFF, null, false, false);
        } else if (payload instanceof CustomerLeftWithoutService) {
            return moment(event, Step.LEFT, null, false, false);
        }
        return Optional.empty();
    }

    private static Optional<VisitMoment> moment(EventMessage<?> event, Step step, Destination destination,
                                                boolean routingError, boolean reached) {
        return Optional.of(new VisitMoment(event.getIdentifier(), step, EventTimes.happenedAt(event),
                                           EventPositions.positionOf(event), destination, routingError, reached));
    }
}
