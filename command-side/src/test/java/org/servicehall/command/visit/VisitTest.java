package org.servicehall.command.visit;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
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
import org.servicehall.api.visit.HandOverMethod;
import org.servicehall.api.visit.HandedOverToBackOffice;
import org.servicehall.api.visit.IdentifyNeed;
import org.servicehall.api.visit.IssueQueueTicket;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.OtherNeedsChecked;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RecordWalkOut;
import org.servicehall.api.visit.RequestFormCorrection;
import org.servicehall.api.visit.RerouteCustomer;
import org.servicehall.api.visit.RerouteReason;
import org.servicehall.api.visit.RouteCustomer;
import org.servicehall.api.visit.RoutedToBackOffice;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.RoutedToDepartment;
import org.servicehall.api.visit.RoutedToSelfService;
import org.servicehall.api.visit.SeeOffCustomer;
import org.servicehall.api.visit.StartVisit;
import org.servicehall.api.visit.TransferredToDepartment;
import org.servicehall.api.visit.VisitStarted;

import java.time.Instant;

import static org.servicehall.command.Violations.violates;

class VisitTest {

    private static final String V = "v-1";
    private static final VisitStarted STARTED = new VisitStarted(V, "hall-1");
    private static final CustomerSeenOff SEEN_OFF = new CustomerSeenOff(V, "clerk-2", true);
    private static final CustomerLeftWithoutService LEFT = new CustomerLeftWithoutService(V, "guide-7");
    private static final RoutedToBackOffice TO_BACK_OFFICE = new RoutedToBackOffice(V, "guide-7");
    private static final RoutedToDepartment TO_METERING = new RoutedToDepartment(V, "guide-7", "metering");
    private static final HandedOverToBackOffice NOBODY_IN_BACK_OFFICE =
            new HandedOverToBackOffice(V, "guide-7", HandOverMethod.PHONE, false, "c-1", "Li Lei", "13800000000");
    private static final Instant TOMORROW = Instant.parse("2026-11-29T02:00:00Z");

    private AggregateTestFixture<Visit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Visit.class);
        fixture.registerAnnotatedCommandHandler(new ConfirmingHandler(new VisitConfirmation(fixture.getRepository())));
    }

    @Test
    void aVisitStartsWhenTheCustomerWalksIn() {
        fixture.givenNoPriorActivity()
               .when(new StartVisit(V, "hall-1"))
               .expectEvents(STARTED);
    }

    @Nested
    class Greeting {

        @Test
        void theGreetingRecordsTheWeatherAndTheFloor() {
            fixture.given(STARTED)
                   .when(new GreetCustomer(V, "guide-7", true, true, true, true))
                   .expectEvents(new CustomerGreeted(V, "guide-7", true, true, true, true));
        }

        @Test
        void aWetFloorWithoutTheSignIsRecordedForTheAuditNotRefused() {
            fixture.given(STARTED)
                   .when(new GreetCustomer(V, "guide-7", true, false, true, false))
                   .expectEvents(new CustomerGreeted(V, "guide-7", true, false, true, false));
        }

        @Test
        void aCustomerIsGreetedOnce() {
            fixture.given(STARTED, new CustomerGreeted(V, "guide-7", false, false, false, false))
                   .when(new GreetCustomer(V, "guide-8", false, false, false, false))
                   .expectException(violates("customer-already-greeted"))
                   .expectExceptionMessage("The customer of visit v-1 was already greeted")
                   .expectNoEvents();
        }
    }

    @Test
    void theGuideIdentifiesTheNeed() {
        fixture.given(STARTED)
               .when(new IdentifyNeed(V, "guide-7", BusinessType.BILLING_INQUIRY))
               .expectEvents(new NeedIdentified(V, "guide-7", BusinessType.BILLING_INQUIRY));
    }

    @Nested
    class Routing {

        @Test
        void toSelfService() {
            fixture.given(STARTED)
                   .when(new RouteCustomer(V, "guide-7", Destination.SELF_SERVICE, null, null))
                   .expectEvents(new RoutedToSelfService(V, "guide-7"));
        }

        @Test
        void toACounter() {
            fixture.given(STARTED)
                   .when(new RouteCustomer(V, "guide-7", Destination.COUNTER, "3", null))
                   .expectEvents(new RoutedToCounter(V, "guide-7", "3"));
        }

        @Test
        void toTheBackOffice() {
            fixture.given(STARTED)
                   .when(new RouteCustomer(V, "guide-7", Destination.BACK_OFFICE, null, null))
                   .expectEvents(TO_BACK_OFFICE);
        }

        @Test
        void toAnotherDepartment() {
            fixture.given(STARTED)
                   .when(new RouteCustomer(V, "guide-7", Destination.OTHER_DEPARTMENT, null, "metering"))
                   .expectEvents(TO_METERING);
        }

        @Test
        void aCounterRoutingNeedsTheCounter() {
            fixture.given(STARTED)
                   .when(new RouteCustomer(V, "guide-7", Destination.COUNTER, " ", null))
                   .expectException(violates("counter-required"))
                   .expectNoEvents();
        }

        @Test
        void aDepartmentRoutingNeedsTheDepartment() {
            fixture.given(STARTED)
                   .when(new RouteCustomer(V, "guide-7", Destination.OTHER_DEPARTMENT, null, null))
                   .expectException(violates("department-required"))
                   .expectNoEvents();
        }

        @Test
        void detailsOfAnotherDestinationAreRefused() {
            fixture.given(STARTED)
                   .when(new RouteCustomer(V, "guide-7", Destination.SELF_SERVICE, "3", null))
                   .expectException(violates("routing-detail-not-applicable"))
                   .expectNoEvents();
            fixture.given(STARTED)
                   .when(new RouteCustomer(V, "guide-7", Destination.COUNTER, "3", "metering"))
                   .expectException(violates("routing-detail-not-applicable"))
                   .expectNoEvents();
        }

        @Test
        void aSecondRoutingIsARerouting() {
            fixture.given(STARTED, new RoutedToCounter(V, "guide-7", "3"))
                   .when(new RouteCustomer(V, "guide-7", Destination.COUNTER, "5", null))
                   .expectException(violates("already-routed"))
                   .expectExceptionMessage("The customer of visit v-1 was already routed to a counter; routing again "
                                                   + "is a re-routing, with its reason")
                   .expectNoEvents();
        }
    }

    @Nested
    class Rerouting {

        @Test
        void aWrongJudgementIsRecordedWithItsReason() {
            fixture.given(STARTED, new RoutedToCounter(V, "guide-7", "3"))
                   .when(new RerouteCustomer(V, "guide-7", RerouteReason.WRONG_JUDGEMENT,
                                             Destination.OTHER_DEPARTMENT, null, "metering"))
                   .expectEvents(new CustomerRerouted(V, "guide-7", RerouteReason.WRONG_JUDGEMENT,
                                                      Destination.OTHER_DEPARTMENT, null, "metering"));
        }

        @Test
        void needsAnEarlierRouting() {
            fixture.given(STARTED)
                   .when(new RerouteCustomer(V, "guide-7", RerouteReason.NEED_CHANGED, Destination.COUNTER, "3",
                                             null))
                   .expectException(violates("not-routed-yet"))
                   .expectNoEvents();
        }

        @Test
        void followsTheRoutingRules() {
            fixture.given(STARTED, TO_BACK_OFFICE)
                   .when(new RerouteCustomer(V, "guide-7", RerouteReason.SERVICE_UNAVAILABLE, Destination.COUNTER,
                                             null, null))
                   .expectException(violates("counter-required"))
                   .expectNoEvents();
        }
    }

    @Nested
    class QueueAndCounter {

        @Test
        void theTicketMachineIssuesATicket() {
            fixture.given(STARTED)
                   .when(new IssueQueueTicket(V, "A012", BusinessType.BILL_PAYMENT))
                   .expectEvents(new QueueTicketIssued(V, "A012", BusinessType.BILL_PAYMENT));
        }

        @Test
        void aTicketIsIssuedOnce() {
            fixture.given(STARTED, new QueueTicketIssued(V, "A012", BusinessType.BILL_PAYMENT))
                   .when(new IssueQueueTicket(V, "A012", BusinessType.BILL_PAYMENT))
                   .expectException(violates("ticket-already-issued"))
                   .expectNoEvents();
        }

        @Test
        void aWrongFormIsHandedBackWithHelp() {
            fixture.given(STARTED)
                   .when(new RequestFormCorrection(V, "guide-7", "new-connection-form", true))
                   .expectEvents(new FormCorrectionRequested(V, "guide-7", "new-connection-form", true));
        }

        @Test
        void aCounterCallsTheTicket() {
            fixture.given(STARTED, new QueueTicketIssued(V, "A012", BusinessType.BILL_PAYMENT))
                   .when(new CallToCounter(V, "clerk-2", "3", "A012"))
                   .expectEvents(new CounterCalled(V, "clerk-2", "3", "A012"));
        }

        @Test
        void aCounterCallsACustomerWithoutATicket() {
            fixture.given(STARTED, new RoutedToCounter(V, "guide-7", "3"))
                   .when(new CallToCounter(V, "clerk-2", "3", null))
                   .expectEvents(new CounterCalled(V, "clerk-2", "3", null));
        }

        @Test
        void aCounterCannotCallATicketThisVisitNeverGot() {
            fixture.given(STARTED, new QueueTicketIssued(V, "A012", BusinessType.BILL_PAYMENT))
                   .when(new CallToCounter(V, "clerk-2", "3", "A013"))
                   .expectException(violates("ticket-not-issued"))
                   .expectNoEvents();
        }
    }

    @Nested
    class HandingOver {

        @Test
        void toTheBackOffice() {
            fixture.given(STARTED, TO_BACK_OFFICE)
                   .when(new HandOver(V, "guide-7", HandOverMethod.ESCORTED, true, null, null, null))
                   .expectEvents(new HandedOverToBackOffice(V, "guide-7", HandOverMethod.ESCORTED, true, null, null,
                                                            null));
        }

        @Test
        void toTheDepartmentItWasRoutedTo() {
            fixture.given(STARTED, TO_METERING)
                   .when(new HandOver(V, "guide-7", HandOverMethod.PHONE, true, null, null, null))
                   .expectEvents(new TransferredToDepartment(V, "guide-7", "metering", HandOverMethod.PHONE, true,
                                                             null, null, null));
        }

        @Test
        void toTheDepartmentOfTheLatestRerouting() {
            fixture.given(STARTED, TO_BACK_OFFICE,
                          new CustomerRerouted(V, "guide-7", RerouteReason.WRONG_JUDGEMENT,
                                               Destination.OTHER_DEPARTMENT, null, "marketing"))
                   .when(new HandOver(V, "guide-7", HandOverMethod.PHONE, true, null, null, null))
                   .expectEvents(new TransferredToDepartment(V, "guide-7", "marketing", HandOverMethod.PHONE, true,
                                                             null, null, null));
        }

        @Test
        void reachingNobodyRecordsTheContactDetails() {
            fixture.given(STARTED, TO_BACK_OFFICE)
                   .when(new HandOver(V, "guide-7", HandOverMethod.PHONE, false, "c-1", "Li Lei", "13800000000"))
                   .expectEvents(NOBODY_IN_BACK_OFFICE);
        }

        @Test
        void reachingNobodyWithoutContactDetailsIsRefused() {
            fixture.given(STARTED, TO_BACK_OFFICE)
                   .when(new HandOver(V, "guide-7", HandOverMethod.PHONE, false, "c-1", "Li Lei", null))
                   .expectException(violates("contact-details-required"))
                   .expectNoEvents();
        }

        @Test
        void onlyAfterARoutingToTheBackOfficeOrAnotherDepartment() {
            fixture.given(STARTED)
                   .when(new HandOver(V, "guide-7", HandOverMethod.PHONE, true, null, null, null))
                   .expectException(violates("not-routed-for-hand-over"))
                   .expectNoEvents();
            fixture.given(STARTED, new RoutedToCounter(V, "guide-7", "3"))
                   .when(new HandOver(V, "guide-7", HandOverMethod.PHONE, true, null, null, null))
                   .expectException(violates("not-routed-for-hand-over"))
                   .expectNoEvents();
        }

        @Test
        void aCustomerHandedOverIsNotHandedOverAgain() {
            fixture.given(STARTED, TO_BACK_OFFICE,
                          new HandedOverToBackOffice(V, "guide-7", HandOverMethod.ESCORTED, true, null, null, null))
                   .when(new HandOver(V, "guide-7", HandOverMethod.PHONE, true, null, null, null))
                   .expectException(violates("already-handed-over"))
                   .expectNoEvents();
        }

        @Test
        void aLaterTryThatReachesSomeoneOwesNoAppointment() {
            fixture.given(STARTED, TO_BACK_OFFICE, NOBODY_IN_BACK_OFFICE,
                          new HandedOverToBackOffice(V, "guide-7", HandOverMethod.PHONE, true, null, null, null))
                   .when(new SeeOffCustomer(V, "guide-7", true))
                   .expectEvents(new CustomerSeenOff(V, "guide-7", true));
        }
    }

    @Nested
    class Appointments {

        @Test
        void areBookedAfterAHandOverThatReachedNobody() {
            fixture.given(STARTED, TO_METERING,
                          new TransferredToDepartment(V, "guide-7", "metering", HandOverMethod.PHONE, false, "c-1",
                                                      "Li Lei", "13800000000"))
                   .when(new BookAppointment(V, "guide-7", TOMORROW, null, "c-1", "Li Lei", "13800000000"))
                   .expectEvents(new AppointmentBooked(V, "guide-7", TOMORROW, "metering", "c-1", "Li Lei",
                                                       "13800000000"));
        }

        @Test
        void mayNameTheDepartmentTheyAreWith() {
            fixture.given(STARTED, TO_BACK_OFFICE, NOBODY_IN_BACK_OFFICE)
                   .when(new BookAppointment(V, "guide-7", TOMORROW, "business-office", "c-1", "Li Lei",
                                             "13800000000"))
                   .expectEvents(new AppointmentBooked(V, "guide-7", TOMORROW, "business-office", "c-1", "Li Lei",
                                                       "13800000000"));
        }

        @Test
        void needTheContactDetails() {
            fixture.given(STARTED, TO_BACK_OFFICE, NOBODY_IN_BACK_OFFICE)
                   .when(new BookAppointment(V, "guide-7", TOMORROW, null, "c-1", "", "13800000000"))
                   .expectException(violates("contact-details-required"))
                   .expectNoEvents();
        }

        @Test
        void areBookedOnlyWhenAHandOverReachedNobody() {
            fixture.given(STARTED, TO_BACK_OFFICE)
                   .when(new BookAppointment(V, "guide-7", TOMORROW, null, "c-1", "Li Lei", "13800000000"))
                   .expectException(violates("appointment-not-needed"))
                   .expectNoEvents();
            fixture.given(STARTED, TO_BACK_OFFICE, NOBODY_IN_BACK_OFFICE,
                          new AppointmentBooked(V, "guide-7", TOMORROW, null, "c-1", "Li Lei", "13800000000"))
                   .when(new BookAppointment(V, "guide-7", TOMORROW, null, "c-1", "Li Lei", "13800000000"))
                   .expectException(violates("appointment-not-needed"))
                   .expectNoEvents();
        }
    }

    @Nested
    class OtherNeeds {

        @Test
        void noFurtherNeeds() {
            fixture.given(STARTED)
                   .when(new CheckOtherNeeds(V, "clerk-2", false, null))
                   .expectEvents(new OtherNeedsChecked(V, "clerk-2", false, null));
        }

        @Test
        void aFurtherNeedSaysWhatComesNext() {
            fixture.given(STARTED)
                   .when(new CheckOtherNeeds(V, "clerk-2", true, BusinessType.BILL_PAYMENT))
                   .expectEvents(new OtherNeedsChecked(V, "clerk-2", true, BusinessType.BILL_PAYMENT));
            fixture.given(STARTED)
                   .when(new CheckOtherNeeds(V, "clerk-2", true, null))
                   .expectException(violates("next-business-type-required"))
                   .expectNoEvents();
            fixture.given(STARTED)
                   .when(new CheckOtherNeeds(V, "clerk-2", false, BusinessType.BILL_PAYMENT))
                   .expectException(violates("next-business-type-not-applicable"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Ending {

        @Test
        void theCustomerIsSeenOff() {
            fixture.given(STARTED, new RoutedToCounter(V, "guide-7", "3"))
                   .when(new SeeOffCustomer(V, "clerk-2", true))
                   .expectEvents(SEEN_OFF);
        }

        @Test
        void aSeeOffWithoutTheBelongingsReminderOrTheOtherNeedsQuestionIsRecordedNotRefused() {
            fixture.given(STARTED, new RoutedToCounter(V, "guide-7", "3"))
                   .when(new SeeOffCustomer(V, "clerk-2", false))
                   .expectEvents(new CustomerSeenOff(V, "clerk-2", false));
        }

        @Test
        void aHandOverThatReachedNobodyNeedsAnAppointmentBeforeTheSeeOff() {
            fixture.given(STARTED, TO_BACK_OFFICE, NOBODY_IN_BACK_OFFICE)
                   .when(new SeeOffCustomer(V, "guide-7", true))
                   .expectException(violates("appointment-required"))
                   .expectNoEvents();
            fixture.given(STARTED, TO_BACK_OFFICE, NOBODY_IN_BACK_OFFICE,
                          new CustomerRerouted(V, "guide-7", RerouteReason.NEED_CHANGED, Destination.COUNTER, "3",
                                               null))
                   .when(new SeeOffCustomer(V, "guide-7", true))
                   .expectException(violates("appointment-required"))
                   .expectNoEvents();
            fixture.given(STARTED, TO_BACK_OFFICE, NOBODY_IN_BACK_OFFICE,
                          new AppointmentBooked(V, "guide-7", TOMORROW, null, "c-1", "Li Lei", "13800000000"))
                   .when(new SeeOffCustomer(V, "guide-7", true))
                   .expectEvents(new CustomerSeenOff(V, "guide-7", true));
        }

        @Test
        void theCustomerLeavesWithoutService() {
            fixture.given(STARTED, new QueueTicketIssued(V, "A012", BusinessType.BILL_PAYMENT))
                   .when(new RecordWalkOut(V, "guide-7"))
                   .expectEvents(LEFT);
        }

        @Test
        void aCustomerWhoLeavesIsNotHeldForTheAppointment() {
            fixture.given(STARTED, TO_BACK_OFFICE, NOBODY_IN_BACK_OFFICE)
                   .when(new RecordWalkOut(V, "guide-7"))
                   .expectEvents(LEFT);
        }

        @Test
        void aVisitThatIsOverAcceptsNothingMore() {
            Object[] everyCommand = {
                    new GreetCustomer(V, "guide-7", false, false, false, false),
                    new IdentifyNeed(V, "guide-7", BusinessType.OTHER),
                    new RouteCustomer(V, "guide-7", Destination.COUNTER, "3", null),
                    new RerouteCustomer(V, "guide-7", RerouteReason.NEED_CHANGED, Destination.COUNTER, "3", null),
                    new IssueQueueTicket(V, "A012", BusinessType.OTHER),
                    new RequestFormCorrection(V, "guide-7", "form", true),
                    new CallToCounter(V, "clerk-2", "3", null),
                    new HandOver(V, "guide-7", HandOverMethod.PHONE, true, null, null, null),
                    new BookAppointment(V, "guide-7", TOMORROW, null, "c-1", "Li Lei", "13800000000"),
                    new CheckOtherNeeds(V, "clerk-2", false, null),
                    new SeeOffCustomer(V, "clerk-2", true),
                    new RecordWalkOut(V, "guide-7")};
            for (Object command : everyCommand) {
                fixture.given(STARTED, SEEN_OFF)
                       .when(command)
                       .expectException(violates("visit-over"))
                       .expectExceptionMessage("Visit v-1 is over: the customer was seen off and the visit accepts "
                                                       + "nothing more")
                       .expectNoEvents();
                fixture.given(STARTED, LEFT)
                       .when(command)
                       .expectException(violates("visit-over"))
                       .expectExceptionMessage("Visit v-1 is over: the customer left without service and the visit "
                                                       + "accepts nothing more")
                       .expectNoEvents();
            }
        }
    }

    /** What other features ask the visit before opening something during it ({@link VisitConfirmation}). */
    @Nested
    class Confirmation {

        @Test
        void aVisitInProgressIsConfirmedAndNothingChanges() {
            fixture.given(STARTED, new RoutedToCounter(V, "guide-7", "3"))
                   .when(new Confirm(V))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aVisitThatIsOverIsARefusal() {
            fixture.given(STARTED, SEEN_OFF)
                   .when(new Confirm(V))
                   .expectException(violates("visit-over"))
                   .expectExceptionMessage("Visit v-1 is over: the customer was seen off and the visit accepts "
                                                   + "nothing more")
                   .expectNoEvents();
        }

        @Test
        void aVisitThatDoesNotExistIsARefusalNotANotFound() {
            fixture.givenNoPriorActivity()
                   .when(new Confirm("no-such-visit"))
                   .expectException(violates("visit-not-found"))
                   .expectExceptionMessage("Visit no-such-visit does not exist");
        }
    }

    /** Stands for a command of another feature that asks the visit in its own unit of work. */
    record Confirm(String visitId) {
    }

    /** The handler of such a command, which lets the visit decide through {@link VisitConfirmation}. */
    record ConfirmingHandler(VisitConfirmation visits) {

        @CommandHandler
        void handle(Confirm command) {
            visits.requireInProgress(command.visitId());
        }
    }
}
