package org.servicehall.query.visit;

import org.junit.jupiter.api.Test;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.VisitOutcome;
import org.servicehall.query.visit.VisitMoment.Step;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures' definitions, each worked out by hand. */
class VisitFiguresTest {

    private final List<VisitMoment> moments = new ArrayList<>();

    private VisitFiguresTest at(String time, Step step) {
        return at(time, step, null, false, false);
    }

    private VisitFiguresTest at(String time, Step step, Destination destination, boolean routingError,
                                boolean reached) {
        moments.add(new VisitMoment("e-" + moments.size(), step, Instant.parse("2026-11-28T" + time + "Z"),
                                    moments.size() + 1, destination, routingError, reached));
        return this;
    }

    private VisitFigures figures() {
        List<VisitMoment> shuffled = new ArrayList<>(moments);
        Collections.reverse(shuffled);
        VisitFigures figures = VisitFigures.of(shuffled);
        assertThat(VisitFigures.of(moments)).as("the order the steps arrive in does not matter").isEqualTo(figures);
        return figures;
    }

    @Test
    void aVisitInProgressHasOnlyWhatAlreadyHappened() {
        at("01:00:00", Step.STARTED).at("01:01:00", Step.TICKET_ISSUED).at("01:09:00", Step.CALLED);

        VisitFigures figures = figures();

        assertThat(figures.outcome()).isEqualTo(VisitOutcome.IN_PROGRESS);
        assertThat(figures.waitingSeconds()).isEqualTo(480);
        assertThat(figures.serviceSeconds()).isNull();
        assertThat(figures.timeInHallSeconds()).isNull();
        assertThat(figures.endedAt()).isNull();
    }

    @Test
    void aSecondTicketAfterAReroutingAddsItsWaitAndIsNotServiceTime() {
        // wait 01:01 to 01:06 (300 s), served, re-routed (wrong counter), wait 01:10 to 01:25 (900 s), served to 01:40
        at("01:00:00", Step.STARTED)
                .at("01:00:30", Step.ROUTED, Destination.COUNTER, false, false)
                .at("01:01:00", Step.TICKET_ISSUED)
                .at("01:06:00", Step.CALLED)
                .at("01:09:00", Step.REROUTED, Destination.COUNTER, true, false)
                .at("01:10:00", Step.TICKET_ISSUED)
                .at("01:25:00", Step.CALLED)
                .at("01:40:00", Step.SEEN_OFF);

        VisitFigures figures = figures();

        assertThat(figures.waitingSeconds()).isEqualTo(1200);
        // 01:06 to 01:40 is 2040 s, less the 900 s waited again
        assertThat(figures.serviceSeconds()).isEqualTo(1140);
        assertThat(figures.timeInHallSeconds()).isEqualTo(2400);
        assertThat(figures.reroutings()).isEqualTo(1);
        assertThat(figures.routingErrors()).isEqualTo(1);
        assertThat(figures.outcome()).isEqualTo(VisitOutcome.SERVED);
    }

    @Test
    void aHandOverThatReachedSomeoneIsHandedOverAndOneThatReachedNobodyEndsInAnAppointment() {
        at("01:00:00", Step.STARTED)
                .at("01:02:00", Step.ROUTED, Destination.BACK_OFFICE, false, false)
                .at("01:03:00", Step.HANDED_OVER, Destination.BACK_OFFICE, false, true)
                .at("01:04:00", Step.SEEN_OFF);
        assertThat(figures().outcome()).isEqualTo(VisitOutcome.HANDED_OVER);
        assertThat(figures().transfers()).isEqualTo(1);
        assertThat(figures().serviceSeconds()).as("never called to a counter").isNull();

        moments.clear();
        at("01:00:00", Step.STARTED)
                .at("01:02:00", Step.ROUTED, Destination.OTHER_DEPARTMENT, false, false)
                .at("01:03:00", Step.HANDED_OVER, Destination.OTHER_DEPARTMENT, false, false)
                .at("01:05:00", Step.APPOINTMENT_BOOKED)
                .at("01:06:00", Step.SEEN_OFF);
        assertThat(figures().outcome()).isEqualTo(VisitOutcome.APPOINTMENT);
    }

    @Test
    void selfServiceIsTheLastRoutingWithoutACounterCall() {
        at("01:00:00", Step.STARTED)
                .at("01:01:00", Step.ROUTED, Destination.COUNTER, false, false)
                .at("01:02:00", Step.REROUTED, Destination.SELF_SERVICE, false, false)
                .at("01:12:00", Step.SEEN_OFF);
        assertThat(figures().outcome()).isEqualTo(VisitOutcome.SELF_SERVED);
        assertThat(figures().routingErrors()).isZero();

        at("01:05:00", Step.CALLED);
        assertThat(figures().outcome()).as("called to a counter after all").isEqualTo(VisitOutcome.SERVED);
    }

    @Test
    void clocksThatDisagreeNeverMakeASpanNegative() {
        // the counter terminal's clock is behind: it reports the see-off ten seconds before its own call
        at("01:00:00", Step.STARTED).at("01:00:10", Step.TICKET_ISSUED).at("01:08:00", Step.CALLED)
                                    .at("01:07:50", Step.SEEN_OFF);

        VisitFigures figures = figures();

        assertThat(figures.waitingSeconds()).isEqualTo(470);
        assertThat(figures.serviceSeconds()).isZero();
        assertThat(figures.timeInHallSeconds()).isEqualTo(470);
        assertThat(figures.outcome()).isEqualTo(VisitOutcome.SERVED);
    }
}
