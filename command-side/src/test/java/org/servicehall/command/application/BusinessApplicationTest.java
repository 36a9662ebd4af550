package org.servicehall.command.application;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.application.AcceptApplication;
import org.servicehall.api.application.ApplicationAccepted;
import org.servicehall.api.application.ApplicationCompleted;
import org.servicehall.api.application.ApplicationForwarded;
import org.servicehall.api.application.ApplicationRejected;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.application.ApplicationWithdrawn;
import org.servicehall.api.application.CheckDocuments;
import org.servicehall.api.application.CompleteApplication;
import org.servicehall.api.application.DocumentsVerified;
import org.servicehall.api.application.ForwardApplication;
import org.servicehall.api.application.MissingDocumentsNotified;
import org.servicehall.api.application.RejectApplication;
import org.servicehall.api.application.SubmitApplication;
import org.servicehall.api.application.WithdrawApplication;
import org.servicehall.command.TestVisits;
import org.servicehall.platform.calendar.ComplaintTimeLimits;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.platform.calendar.WorkingDayCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.servicehall.command.Rules.violated;

class BusinessApplicationTest {

    private static final LocalDate PROMISED = LocalDate.of(2026, 12, 15);
    private static final ApplicationSubmitted SUBMITTED = new ApplicationSubmitted(
            "a-1", "v-1", "hall-1", "clerk-2", BusinessType.CAPACITY_INCREASE, "c-1", "Wang Fang", "13800000000",
            "0101234567");
    private static final DocumentsVerified VERIFIED = new DocumentsVerified("a-1", "clerk-2");
    private static final ApplicationAccepted ACCEPTED = new ApplicationAccepted("a-1", "clerk-2", "YK-2026-0001",
                                                                                PROMISED);

    /** Days are counted in Shanghai. */
    private static final ServiceCalendar CALENDAR = new ServiceCalendar(
            new WorkingDayCalendar(ZoneId.of("Asia/Shanghai"), List.of(), List.of()), ComplaintTimeLimits.DEFAULTS,
            Map.of(), Map.of());
    private static final Instant ACCEPTED_AT = Instant.parse("2026-12-01T02:00:00Z");

    private AggregateTestFixture<BusinessApplication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BusinessApplication.class);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerAnnotatedCommandHandler(new ApplicationSubmission(fixture.getRepository(),
                                                                          TestVisits.visits()));
    }

    private static SubmitApplication submit(String visitId, BusinessType type, String accountNumber) {
        return new SubmitApplication("a-1", visitId, "hall-1", "clerk-2", type, "c-1", "Wang Fang", "13800000000",
                                     accountNumber);
    }

    // ------------------------------------------------------------------ submission

    @Test
    void anApplicationIsSubmittedDuringAVisit() {
        fixture.givenNoPriorActivity()
               .when(submit("v-1", BusinessType.CAPACITY_INCREASE, "0101234567"))
               .expectEvents(SUBMITTED);
    }

    @Test
    void aNewConnectionHasNoAccountNumberYetAndAPhoneApplicationNoVisit() {
        fixture.givenNoPriorActivity()
               .when(submit(null, BusinessType.NEW_CONNECTION, null))
               .expectEvents(new ApplicationSubmitted("a-1", null, "hall-1", "clerk-2", BusinessType.NEW_CONNECTION,
                                                      "c-1", "Wang Fang", "13800000000", null));
    }

    @Test
    void onlyApplicationTypesAreAccepted() {
        fixture.givenNoPriorActivity()
               .when(submit("v-1", BusinessType.BILLING_INQUIRY, "0101234567"))
               .expectException(violated("not-an-application-type"))
               .expectExceptionMessage("BILLING_INQUIRY is not a business application; applications are "
                                               + "[NEW_CONNECTION, CAPACITY_INCREASE, CAPACITY_DECREASE, SUSPENSION, "
                                               + "NAME_CHANGE, OWNERSHIP_TRANSFER, TARIFF_CATEGORY_CHANGE, METER_TEST, "
                                               + "METER_RELOCATION]")
               .expectNoEvents();
    }

    @Test
    void anApplicationForAnExistingConnectionNamesTheAccount() {
        fixture.givenNoPriorActivity()
               .when(submit("v-1", BusinessType.OWNERSHIP_TRANSFER, " "))
               .expectException(violated("account-number-required"))
               .expectExceptionMessage("An application of type OWNERSHIP_TRANSFER needs the customer's account number (户号); "
                                               + "only a new connection has none")
               .expectNoEvents();
    }

    @Test
    void anApplicationCannotBeOpenedDuringAVisitThatIsOver() {
        fixture.givenNoPriorActivity()
               .when(submit(TestVisits.OVER, BusinessType.CAPACITY_INCREASE, "0101234567"))
               .expectException(violated("visit-over"))
               .expectNoEvents();
    }

    @Test
    void anApplicationCannotBeOpenedDuringAVisitThatDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(submit(TestVisits.MISSING, BusinessType.CAPACITY_INCREASE, "0101234567"))
               .expectException(violated("visit-not-found"))
               .expectExceptionMessage("Visit " + TestVisits.MISSING + " does not exist")
               .expectNoEvents();
    }

    // ------------------------------------------------------------------ documents

    @Test
    void completeDocumentsAreVerified() {
        fixture.given(SUBMITTED)
               .when(new CheckDocuments("a-1", "clerk-2", List.of()))
               .expectEvents(VERIFIED);
    }

    @Test
    void missingDocumentsAreNotifiedAllTogether() {
        fixture.given(SUBMITTED)
               .when(new CheckDocuments("a-1", "clerk-2", List.of("ID card copy", "property certificate")))
               .expectEvents(new MissingDocumentsNotified("a-1", "clerk-2",
                                                          List.of("ID card copy", "property certificate")));
    }

    @Test
    void missingDocumentsAreNotifiedOnlyOnce() {
        fixture.given(SUBMITTED, new MissingDocumentsNotified("a-1", "clerk-2", List.of("ID card copy")))
               .when(new CheckDocuments("a-1", "clerk-3", List.of("load list")))
               .expectException(violated("missing-documents-already-notified"))
               .expectExceptionMessage("The missing documents of application a-1 were already told to the "
                                               + "customer, all of them at once (一次性告知); a second list is not "
                                               + "allowed")
               .expectNoEvents();
    }

    @Test
    void documentsBroughtAfterTheNotificationAreVerified() {
        fixture.given(SUBMITTED, new MissingDocumentsNotified("a-1", "clerk-2", List.of("ID card copy")))
               .when(new CheckDocuments("a-1", "clerk-3", null))
               .expectEvents(new DocumentsVerified("a-1", "clerk-3"));
    }

    @Test
    void verifiedDocumentsAreNotCheckedAgain() {
        fixture.given(SUBMITTED, VERIFIED)
               .when(new CheckDocuments("a-1", "clerk-2", List.of("ID card copy")))
               .expectException(violated("documents-already-verified"))
               .expectExceptionMessage("The documents of application a-1 were already verified")
               .expectNoEvents();
    }

    // ------------------------------------------------------------------ acceptance and after

    @Test
    void anApplicationWithVerifiedDocumentsIsAcceptedWithANumberAndAPromisedDate() {
        fixture.givenCurrentTime(ACCEPTED_AT)
               .andGiven(SUBMITTED, VERIFIED)
               .when(new AcceptApplication("a-1", "clerk-2", "YK-2026-0001", PROMISED))
               .expectEvents(ACCEPTED);
    }

    @Test
    void theCompletionDatePromisedIsNotInThePastAtTheHall() {
        Instant lateEvening = Instant.parse("2026-12-15T16:30:00Z");  // 12-16 00:30 in Shanghai
        fixture.givenCurrentTime(lateEvening)
               .andGiven(SUBMITTED, VERIFIED)
               .when(new AcceptApplication("a-1", "clerk-2", "YK-2026-0001", PROMISED))
               .expectException(violated("promised-date-passed"))
               .expectExceptionMessage("The completion date promised (2026-12-15) is before today (2026-12-16) at "
                                               + "hall hall-1")
               .expectNoEvents();
        fixture.givenCurrentTime(Instant.parse("2026-12-15T15:59:59Z"))
               .andGiven(SUBMITTED, VERIFIED)
               .when(new AcceptApplication("a-1", "clerk-2", "YK-2026-0001", PROMISED))
               .expectEvents(ACCEPTED);
    }

    @Test
    void anApplicationIsNotAcceptedBeforeItsDocumentsAreVerified() {
        fixture.given(SUBMITTED, new MissingDocumentsNotified("a-1", "clerk-2", List.of("ID card copy")))
               .when(new AcceptApplication("a-1", "clerk-2", "YK-2026-0001", PROMISED))
               .expectException(violated("documents-not-verified"))
               .expectExceptionMessage("Application a-1 cannot be accepted before its documents are verified "
                                               + "complete")
               .expectNoEvents();
    }

    @Test
    void anApplicationIsAcceptedOnce() {
        fixture.given(SUBMITTED, VERIFIED, ACCEPTED)
               .when(new AcceptApplication("a-1", "clerk-2", "YK-2026-0002", PROMISED))
               .expectException(violated("application-already-accepted"))
               .expectExceptionMessage("Application a-1 was already accepted")
               .expectNoEvents();
    }

    @Test
    void anAcceptedApplicationIsForwardedAndCompleted() {
        fixture.given(SUBMITTED, VERIFIED, ACCEPTED)
               .when(new ForwardApplication("a-1", "clerk-2", "back office"))
               .expectEvents(new ApplicationForwarded("a-1", "clerk-2", "back office"));
        fixture.given(SUBMITTED, VERIFIED, ACCEPTED, new ApplicationForwarded("a-1", "clerk-2", "back office"))
               .when(new CompleteApplication("a-1", "back-9"))
               .expectEvents(new ApplicationCompleted("a-1", "back-9"));
    }

    @Test
    void anApplicationIsNeitherForwardedNorCompletedBeforeItIsAccepted() {
        fixture.given(SUBMITTED, VERIFIED)
               .when(new ForwardApplication("a-1", "clerk-2", "back office"))
               .expectException(violated("application-not-accepted"))
               .expectExceptionMessage("Application a-1 cannot be forwarded before it is accepted")
               .expectNoEvents();
        fixture.given(SUBMITTED)
               .when(new CompleteApplication("a-1", "clerk-2"))
               .expectException(violated("application-not-accepted"))
               .expectExceptionMessage("Application a-1 cannot be completed before it is accepted")
               .expectNoEvents();
    }

    @Test
    void theCustomerWithdrawsAnApplication() {
        fixture.given(SUBMITTED, VERIFIED, ACCEPTED)
               .when(new WithdrawApplication("a-1", "clerk-2", "moving house"))
               .expectEvents(new ApplicationWithdrawn("a-1", "clerk-2", "c-1", "moving house"));
    }

    @Test
    void anApplicationIsRejectedWithAReason() {
        fixture.given(SUBMITTED)
               .when(new RejectApplication("a-1", "clerk-2", "no capacity on this feeder"))
               .expectEvents(new ApplicationRejected("a-1", "clerk-2", "c-1", "no capacity on this feeder"));
    }

    @Test
    void anApplicationIsNotRejectedWithoutAReason() {
        fixture.given(SUBMITTED)
               .when(new RejectApplication("a-1", "clerk-2", " "))
               .expectException(violated("rejection-reason-required"))
               .expectExceptionMessage("Application a-1 can only be rejected with a reason told to the customer")
               .expectNoEvents();
    }

    @Test
    void anApplicationThatEndedAcceptsNothingMore() {
        fixture.given(SUBMITTED, VERIFIED, ACCEPTED, new ApplicationCompleted("a-1", "back-9"))
               .when(new WithdrawApplication("a-1", "clerk-2", "changed my mind"))
               .expectException(violated("application-ended"))
               .expectExceptionMessage("Application a-1 was already completed and accepts nothing more")
               .expectNoEvents();
        fixture.given(SUBMITTED, new ApplicationWithdrawn("a-1", "clerk-2", "c-1", null))
               .when(new CheckDocuments("a-1", "clerk-2", List.of()))
               .expectException(violated("application-ended"))
               .expectExceptionMessage("Application a-1 was already withdrawn and accepts nothing more")
               .expectNoEvents();
        fixture.given(SUBMITTED, new ApplicationRejected("a-1", "clerk-2", "c-1", "no capacity"))
               .when(new RejectApplication("a-1", "clerk-2", "still no capacity"))
               .expectException(violated("application-ended"))
               .expectNoEvents();
        fixture.given(SUBMITTED, VERIFIED, ACCEPTED, new ApplicationRejected("a-1", "clerk-2", "c-1", "no capacity"))
               .when(new CompleteApplication("a-1", "back-9"))
               .expectException(violated("application-ended"))
               .expectNoEvents();
    }
}
