package org.servicehall.command.consultation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.consultation.AnswerInquiry;
import org.servicehall.api.consultation.CloseConsultation;
import org.servicehall.api.consultation.CompleteWorkOrder;
import org.servicehall.api.consultation.ConsultationClosed;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.CreateWorkOrder;
import org.servicehall.api.consultation.CustomerInformed;
import org.servicehall.api.consultation.InformCustomer;
import org.servicehall.api.consultation.InformMethod;
import org.servicehall.api.consultation.InquiryAnswered;
import org.servicehall.api.consultation.OpenConsultation;
import org.servicehall.api.consultation.RemindWorkOrder;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.consultation.WorkOrderDueSoon;
import org.servicehall.api.consultation.WorkOrderOverdue;
import org.servicehall.api.consultation.WorkOrderReminded;
import org.servicehall.command.TestVisits;
import org.servicehall.platform.web.NotFound;

import java.time.Duration;
import java.time.Instant;

import static org.servicehall.command.Violations.violates;

class ConsultationTest {

    private static final String C = "c-1";
    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(1));
    private static final Duration REMINDER_BEFORE = Duration.ofHours(4);

    private static final OpenConsultation OPEN_BY_PHONE =
            new OpenConsultation(C, null, "hall-1", "clerk-2", Channel.PHONE, BusinessType.BILLING_INQUIRY,
                                 "cust-1", "Li Lei", "13800000000", "Why is my bill so high?");
    private static final ConsultationOpened OPENED_BY_PHONE =
            new ConsultationOpened(C, null, "hall-1", "clerk-2", Channel.PHONE, BusinessType.BILLING_INQUIRY,
                                   "cust-1", "Li Lei", "13800000000", "Why is my bill so high?");
    private static final CreateWorkOrder CREATE = new CreateWorkOrder(C, "wo-1", "clerk-2", "metering", DUE,
                                                                      "Check the meter");
    private static final WorkOrderCreated CREATED = new WorkOrderCreated(C, "wo-1", "clerk-2", "metering", DUE,
                                                                         "cust-1", "Check the meter");
    private static final CompleteWorkOrder COMPLETE = new CompleteWorkOrder(C, "wo-1", "metering-9",
                                                                            "The meter was faulty");
    private static final WorkOrderCompleted COMPLETED = new WorkOrderCompleted(C, "wo-1", "metering-9", "metering",
                                                                               "cust-1", "The meter was faulty");
    private static final InquiryAnswered ANSWERED = new InquiryAnswered(C, "clerk-2", "cust-1",
                                                                        "The winter tariff applies");
    private static final CustomerInformed INFORMED = new CustomerInformed(C, "clerk-2", InformMethod.PHONE);
    private static final WorkOrderDueSoon DUE_SOON = new WorkOrderDueSoon(C, "wo-1", DUE);
    private static final WorkOrderOverdue OVERDUE = new WorkOrderOverdue(C, "wo-1", DUE);

    private AggregateTestFixture<Consultation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Consultation.class);
        fixture.registerInjectableResource(new WorkOrderDeadlines(REMINDER_BEFORE));
        fixture.registerAnnotatedCommandHandler(new ConsultationOpening(fixture.getRepository(),
                                                                        TestVisits.visits()));
    }

    private TestExecutor<Consultation> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private static OpenConsultation inPerson(String visitId) {
        return new OpenConsultation(C, visitId, "hall-1", "clerk-2", Channel.IN_PERSON,
                                    BusinessType.CONNECTION_INQUIRY, "cust-1", null, null, "How long for 50 kVA?");
    }

    @Nested
    class Opening {

        @Test
        void byPhone() {
            fixture.givenNoPriorActivity()
                   .when(OPEN_BY_PHONE)
                   .expectEvents(OPENED_BY_PHONE);
        }

        @Test
        void inPersonDuringAVisit() {
            fixture.givenNoPriorActivity()
                   .when(inPerson("v-on"))
                   .expectEvents(new ConsultationOpened(C, "v-on", "hall-1", "clerk-2", Channel.IN_PERSON,
                                                        BusinessType.CONNECTION_INQUIRY, "cust-1", null, null,
                                                        "How long for 50 kVA?"));
        }

        @Test
        void inPersonDuringAVisitThatIsOverOrDoesNotExistIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(inPerson(TestVisits.OVER))
                   .expectException(violates("visit-over"))
                   .expectNoEvents();
            fixture.givenNoPriorActivity()
                   .when(inPerson(TestVisits.MISSING))
                   .expectException(violates("visit-not-found"))
                   .expectNoEvents();
        }

        @Test
        void inPersonNeedsTheVisit() {
            fixture.givenNoPriorActivity()
                   .when(inPerson(null))
                   .expectException(violates("visit-required"))
                   .expectNoEvents();
        }

        @Test
        void byPhoneBelongsToNoVisit() {
            fixture.givenNoPriorActivity()
                   .when(new OpenConsultation(C, "v-on", "hall-1", "clerk-2", Channel.PHONE,
                                              BusinessType.BILLING_INQUIRY, "cust-1", null, null, "?"))
                   .expectException(violates("visit-not-applicable"))
                   .expectNoEvents();
        }

        @Test
        void onlyInPersonOrByPhone() {
            fixture.givenNoPriorActivity()
                   .when(new OpenConsultation(C, null, "hall-1", "clerk-2", Channel.LETTER,
                                              BusinessType.BILLING_INQUIRY, "cust-1", null, null, "?"))
                   .expectException(violates("consultation-channel"))
                   .expectNoEvents();
        }
    }

    @Nested
    class AnsweringOnTheSpot {

        @Test
        void recordsTheAnswerForTheCustomer() {
            given(OPENED_BY_PHONE)
                    .when(new AnswerInquiry(C, "clerk-2", "The winter tariff applies"))
                    .expectEvents(ANSWERED);
        }

        @Test
        void happensOnce() {
            given(OPENED_BY_PHONE, ANSWERED)
                    .when(new AnswerInquiry(C, "clerk-2", "Again"))
                    .expectException(violates("already-answered"))
                    .expectNoEvents();
        }

        @Test
        void isNotForAQuestionTurnedIntoWorkOrders() {
            given(OPENED_BY_PHONE, CREATED)
                    .when(new AnswerInquiry(C, "clerk-2", "The winter tariff applies"))
                    .expectException(violates("has-work-orders"))
                    .expectNoEvents();
        }
    }

    @Nested
    class CreatingWorkOrders {

        @Test
        void routesTheQuestionToADepartmentAndSchedulesTheWarningAndTheDueTime() {
            given(OPENED_BY_PHONE)
                    .when(CREATE)
                    .expectEvents(CREATED)
                    .expectScheduledDeadline(Duration.ofDays(1).minus(REMINDER_BEFORE), DUE_SOON)
                    .expectScheduledDeadline(Duration.ofDays(1), OVERDUE)
                    .expectScheduledDeadlineWithName(DUE.minus(REMINDER_BEFORE), "work-order-due-soon:wo-1")
                    .expectScheduledDeadlineWithName(DUE, "work-order-overdue:wo-1");
        }

        @Test
        void aWorkOrderDueWithinTheWarningTimeGetsNoWarning() {
            Instant soon = NOW.plus(Duration.ofHours(3));
            given(OPENED_BY_PHONE)
                    .when(new CreateWorkOrder(C, "wo-1", "clerk-2", "metering", soon, "Check the meter"))
                    .expectEvents(new WorkOrderCreated(C, "wo-1", "clerk-2", "metering", soon, "cust-1",
                                                       "Check the meter"))
                    .expectScheduledDeadline(soon, new WorkOrderOverdue(C, "wo-1", soon))
                    .expectNoScheduledDeadlineOfType(NOW, soon.plus(Duration.ofDays(1)), WorkOrderDueSoon.class);
        }

        @Test
        void aQuestionMayNeedSeveralDepartments() {
            given(OPENED_BY_PHONE, CREATED)
                    .when(new CreateWorkOrder(C, "wo-2", "clerk-2", "marketing", DUE, "Check the tariff"))
                    .expectEvents(new WorkOrderCreated(C, "wo-2", "clerk-2", "marketing", DUE, "cust-1",
                                                       "Check the tariff"));
        }

        @Test
        void notForAQuestionAnsweredOnTheSpot() {
            given(OPENED_BY_PHONE, ANSWERED)
                    .when(CREATE)
                    .expectException(violates("already-answered"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void notTwiceWithOneId() {
            given(OPENED_BY_PHONE, CREATED)
                    .when(CREATE)
                    .expectException(violates("work-order-exists"))
                    .expectNoEvents();
        }

        @Test
        void notAfterTheCustomerWasToldTheAnswer() {
            given(OPENED_BY_PHONE, CREATED, COMPLETED, INFORMED)
                    .when(new CreateWorkOrder(C, "wo-2", "clerk-2", "marketing", DUE, "More"))
                    .expectException(violates("customer-already-informed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reminding {

        @Test
        void recordsWhoChasedTheDepartment() {
            given(OPENED_BY_PHONE, CREATED)
                    .when(new RemindWorkOrder(C, "wo-1", "clerk-2"))
                    .expectEvents(new WorkOrderReminded(C, "wo-1", "clerk-2"));
        }

        @Test
        void mayBeRepeated() {
            given(OPENED_BY_PHONE, CREATED, new WorkOrderReminded(C, "wo-1", "clerk-2"))
                    .when(new RemindWorkOrder(C, "wo-1", "clerk-3"))
                    .expectEvents(new WorkOrderReminded(C, "wo-1", "clerk-3"));
        }

        @Test
        void notAfterCompletion() {
            given(OPENED_BY_PHONE, CREATED, COMPLETED)
                    .when(new RemindWorkOrder(C, "wo-1", "clerk-2"))
                    .expectException(violates("work-order-completed"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownWorkOrderIsNotFound() {
            given(OPENED_BY_PHONE, CREATED)
                    .when(new RemindWorkOrder(C, "wo-9", "clerk-2"))
                    .expectException(NotFound.class)
                    .expectExceptionMessage("Work order wo-9 of consultation c-1 does not exist")
                    .expectNoEvents();
        }
    }

    @Nested
    class Completing {

        @Test
        void recordsTheDepartmentsReplyAndCancelsTheDeadlines() {
            fixture.givenCurrentTime(NOW)
                   .andGivenCommands(OPEN_BY_PHONE, CREATE)
                   .when(COMPLETE)
                   .expectEvents(COMPLETED)
                   .expectNoScheduledDeadlines();
        }

        @Test
        void onlyOnce() {
            given(OPENED_BY_PHONE, CREATED, COMPLETED)
                    .when(COMPLETE)
                    .expectException(violates("work-order-completed"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownWorkOrderIsNotFound() {
            given(OPENED_BY_PHONE, CREATED)
                    .when(new CompleteWorkOrder(C, "wo-9", "metering-9", "Done"))
                    .expectException(NotFound.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Deadlines {

        @Test
        void anOpenWorkOrderIsDueSoonBeforeItsDueTime() {
            fixture.givenCurrentTime(NOW)
                   .andGivenCommands(OPEN_BY_PHONE, CREATE)
                   .whenTimeElapses(Duration.ofDays(1).minus(REMINDER_BEFORE))
                   .expectTriggeredDeadlinesWithName("work-order-due-soon:wo-1")
                   .expectEvents(DUE_SOON);
        }

        @Test
        void anOpenWorkOrderIsOverdueAtItsDueTime() {
            fixture.givenCurrentTime(NOW)
                   .andGivenCommands(OPEN_BY_PHONE, CREATE)
                   .whenTimeElapses(Duration.ofDays(1))
                   .expectTriggeredDeadlines(DUE_SOON, OVERDUE)
                   .expectEvents(DUE_SOON, OVERDUE);
        }

        @Test
        void aCompletedWorkOrderHasNoDeadlinesLeft() {
            fixture.givenCurrentTime(NOW)
                   .andGivenCommands(OPEN_BY_PHONE, CREATE, COMPLETE)
                   .whenTimeElapses(Duration.ofDays(2))
                   .expectTriggeredDeadlines()
                   .expectNoEvents();
        }

        @Test
        void completingOneWorkOrderLeavesTheDeadlinesOfTheOthers() {
            fixture.givenCurrentTime(NOW)
                   .andGivenCommands(OPEN_BY_PHONE, CREATE,
                                     new CreateWorkOrder(C, "wo-2", "clerk-2", "marketing", DUE, "Check the tariff"),
                                     COMPLETE)
                   .whenTimeElapses(Duration.ofDays(1))
                   .expectEvents(new WorkOrderDueSoon(C, "wo-2", DUE), new WorkOrderOverdue(C, "wo-2", DUE));
        }

        @Test
        void aDeadlineThatFiresAfterTheCompletionRecordsNothing() {
            // the completion recorded without its cancellation: another instance was already firing the deadline
            fixture.givenCurrentTime(NOW)
                   .andGivenCommands(OPEN_BY_PHONE, CREATE)
                   .andGiven(COMPLETED)
                   .whenTimeElapses(Duration.ofDays(1))
                   .expectTriggeredDeadlines(DUE_SOON, OVERDUE)
                   .expectNoEvents();
        }
    }

    @Nested
    class InformingTheCustomer {

        @Test
        void afterTheDepartmentsReplied() {
            given(OPENED_BY_PHONE, CREATED, COMPLETED)
                    .when(new InformCustomer(C, "clerk-2", InformMethod.PHONE))
                    .expectEvents(INFORMED);
        }

        @Test
        void notWhileAWorkOrderIsOpen() {
            given(OPENED_BY_PHONE, CREATED, COMPLETED,
                  new WorkOrderCreated(C, "wo-2", "clerk-2", "marketing", DUE, "cust-1", "Check the tariff"))
                    .when(new InformCustomer(C, "clerk-2", InformMethod.SMS))
                    .expectException(violates("work-orders-open"))
                    .expectExceptionMessage("Consultation c-1 still waits for the departments on work orders [wo-2]")
                    .expectNoEvents();
        }

        @Test
        void notWithoutWorkOrders() {
            given(OPENED_BY_PHONE, ANSWERED)
                    .when(new InformCustomer(C, "clerk-2", InformMethod.SMS))
                    .expectException(violates("no-work-orders"))
                    .expectNoEvents();
        }

        @Test
        void once() {
            given(OPENED_BY_PHONE, CREATED, COMPLETED, INFORMED)
                    .when(new InformCustomer(C, "clerk-2", InformMethod.SMS))
                    .expectException(violates("customer-already-informed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        @Test
        void afterAnAnswerOnTheSpot() {
            given(OPENED_BY_PHONE, ANSWERED)
                    .when(new CloseConsultation(C, "clerk-2"))
                    .expectEvents(new ConsultationClosed(C, "clerk-2"));
        }

        @Test
        void afterTheWorkOrdersAndTellingTheCustomer() {
            given(OPENED_BY_PHONE, CREATED, COMPLETED, INFORMED)
                    .when(new CloseConsultation(C, "clerk-2"))
                    .expectEvents(new ConsultationClosed(C, "clerk-2"));
        }

        @Test
        void notBeforeTheQuestionIsSettled() {
            given(OPENED_BY_PHONE)
                    .when(new CloseConsultation(C, "clerk-2"))
                    .expectException(violates("consultation-unanswered"))
                    .expectNoEvents();
            given(OPENED_BY_PHONE, CREATED)
                    .when(new CloseConsultation(C, "clerk-2"))
                    .expectException(violates("work-orders-open"))
                    .expectNoEvents();
            given(OPENED_BY_PHONE, CREATED, COMPLETED)
                    .when(new CloseConsultation(C, "clerk-2"))
                    .expectException(violates("customer-not-informed"))
                    .expectNoEvents();
        }

        @Test
        void aClosedConsultationAcceptsNothingMore() {
            Object[] everyCommand = {
                    new AnswerInquiry(C, "clerk-2", "More"),
                    new CreateWorkOrder(C, "wo-2", "clerk-2", "marketing", DUE, "More"),
                    new RemindWorkOrder(C, "wo-1", "clerk-2"),
                    COMPLETE,
                    new InformCustomer(C, "clerk-2", InformMethod.SMS),
                    new CloseConsultation(C, "clerk-2")};
            for (Object command : everyCommand) {
                given(OPENED_BY_PHONE, CREATED, COMPLETED, INFORMED, new ConsultationClosed(C, "clerk-2"))
                        .when(command)
                        .expectException(violates("consultation-closed"))
                        .expectExceptionMessage("Consultation c-1 is closed and accepts nothing more")
                        .expectNoEvents();
            }
        }
    }
}
