package org.servicehall.query.visit;

import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.VisitOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What analysts measure of one visit, derived from its {@link VisitMoment}s in the order they happened. Times are
 * whole seconds; a figure that does not apply (yet) is null. Clocks of different devices in the hall may disagree by
 * a little, so a span that comes out negative counts as zero.
 *
 * @param arrivedAt         when the visit started
 * @param endedAt           when the customer was seen off or left
 * @param waitingSeconds    from a queue ticket to the counter call that ends its wait, summed over every ticket the
 *                          customer took; null if no ticket was followed by a call
 * @param serviceSeconds    from the first counter call to the see-off, less any further waiting on a new ticket in
 *                          between; null without a counter call or a see-off
 * @param timeInHallSeconds from the start to the see-off or the walk-out; null while the visit is in progress
 * @param transfers         hand-overs to the back office and transfers to other departments
 * @param reroutings        times the customer was routed again
 * @param routingErrors     re-routings that corrected a wrong judgement
 * @param outcome           see {@link VisitOutcome}
 */
record VisitFigures(Instant arrivedAt,
                    Instant endedAt,
                    Long waitingSeconds,
                    Long serviceSeconds,
                    Long timeInHallSeconds,
                    int transfers,
                    int reroutings,
                    int routingErrors,
                    VisitOutcome outcome) {

    static VisitFigures of(Collection<VisitMoment> moments) {
        List<VisitMoment> inOrder = moments.stream().sorted(VisitMoment.IN_ORDER).toList();
        Instant arrivedAt = null;
        Instant endedAt = null;
        boolean leftWithoutService = false;
        Instant openTicket = null;
        Instant firstCall = null;
        Long waiting = null;
        long waitingAfterFirstCall = 0;
        int transfers = 0;
        int reroutings = 0;
        int routingErrors = 0;
        boolean handedOver = false;
        boolean appointment = false;
        Destination lastRouting = null;
        for (VisitMoment moment : inOrder) {
            switch (moment.step()) {
                case STARTED -> arrivedAt = arrivedAt == null ? moment.at() : arrivedAt;
                case TICKET_ISSUED -> openTicket = openTicket == null ? moment.at() : openTicket;
                case CALLED -> {
                    if (openTicket != null) {
                        long waited = seconds(openTicket, moment.at());
                        waiting = (waiting == null ? 0 : waiting) + waited;
                        waitingAfterFirstCall += firstCall == null ? 0 : waited;
                        openTicket = null;
                    }
                    firstCall = firstCall == null ? moment.at() : firstCall;
                }
                case ROUTED -> lastRouting = moment.destination();
                case REROUTED -> {
                    lastRouting = moment.destination();
                    reroutings++;
                    routingErrors += moment.routingError() ? 1 : 0;
                }
                case HANDED_OVER -> {
                    transfers++;
                    handedOver |= moment.reached();
                }
                case APPOINTMENT_BOOKED -> appointment = true;
                case SEEN_OFF, LEFT -> {
                    if (endedAt == null) {
                        endedAt = moment.at();
                        leftWithoutService = moment.step() == VisitMoment.Step.LEFT;
                    }
                }
            }
        }
        Long service = endedAt != null && !leftWithoutService && firstCall != null
                ? Math.max(0, seconds(firstCall, endedAt) - waitingAfterFirstCall) : null;
        Long timeInHall = endedAt != null && arrivedAt != null ? seconds(arrivedAt, endedAt) : null;
        VisitOutcome outcome;
        if (endedAt == null) {
            outcome = VisitOutcome.IN_PROGRESS;
        } else if (leftWithoutService) {
            outcome = VisitOutcome.LEFT_WITHOUT_SERVICE;
        } else if (appointment) {
            outcome = VisitOutcome.APPOINTMENT;
        } else if (handedOver) {
            outcome = VisitOutcome.HANDED_OVER;
        } else if (firstCall == null && lastRouting == Destination.SELF_SERVICE) {
            outcome = VisitOutcome.SELF_SERVED;
        } else {
            outcome = VisitOutcome.SERVED;
        }
        return new VisitFigures(arrivedAt, endedAt, waiting, service, timeInHall, transfers, reroutings,
                                routingErrors, outcome);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
