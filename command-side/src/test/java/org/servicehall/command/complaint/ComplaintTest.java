package org.servicehall.command.complaint;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.Channel;
import org.servicehall.api.complaint.AcknowledgeComplaint;
import org.servicehall.api.complaint.AssignComplaint;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.CloseComplaint;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintAssigned;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintEscalated;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintLimit;
import org.servicehall.api.complaint.ComplaintLimitApproaching;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintReopened;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.complaint.FollowUpRecorded;
import org.servicehall.api.complaint.RecordCallback;
import org.servicehall.api.complaint.RecordFollowUp;
import org.servicehall.api.complaint.RegisterComplaint;
import org.servicehall.api.complaint.ReopenComplaint;
import org.servicehall.api.complaint.ResolveComplaint;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.command.TestVisits;
import org.servicehall.platform.calendar.ComplaintTimeLimits;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.platform.calendar.WorkingDayCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.servicehall.api.complaint.ComplaintLimit.CALLBACK;
import static org.servicehall.api.complaint.ComplaintLimit.FIRST_CONTACT;
import static org.servicehall.api.complaint.ComplaintLimit.REPLY;
import static org.servicehall.command.Rules.violated;
import static org.servicehall.command.complaint.Complaint.missedName;
import static org.servicehall.command.complaint.Complaint.warningName;

class ComplaintTest {

    /** 2026 around National Day in Shanghai: 10-01..10-07 off, Saturday 10-10 worked instead. */
    private static final WorkingDayCalendar SHANGHAI = new WorkingDayCalendar(
            ZoneId.of("Asia/Shanghai"), LocalDate.parse("2026-10-01").datesUntil(LocalDate.parse("2026-10-08")).toList(),
            List.of(LocalDate.parse("2026-10-10")));
    private static final ServiceCalendar CALENDAR = new ServiceCalendar(SHANGHAI, ComplaintTimeLimits.DEFAULTS,
                                                                        Map.of(), Map.of());
    private static final Duration WARNING_BEFORE = ComplaintTimeLimits.DEFAULTS.warningBefore();
    /** Wednesday 2026-09-30, 10:00 in Shanghai, the last working day before the holiday. */
    private static final Instant REGISTERED_AT = Instant.parse("2026-09-30T02:00:00Z");
    /** The end of Thursday 10-08, the first working day after the holiday. */
    private static final Instant FIRST_CONTACT_DUE = Instant.parse("2026-10-08T16:00:00Z");
    /** The end of Thursday 10-15: 10-08, 10-09, Saturday 10-10, 10-12, 10-13, 10-14, 10-15. */
    private static final Instant REPLY_DUE = Instant.parse("2026-10-15T16:00:00Z");

    private static final RegisterComplaint REGISTER = new RegisterComplaint(
            "k-1", "v-1", "hall-1", "clerk-2", ComplaintKind.COMPLAINT, ComplaintClass.SERVICE, Channel.IN_PERSON,
            false, "c-1", "Li Lei", "13900000000", "The clerk was rude");
    private static final ComplaintRegistered REGISTERED = new ComplaintRegistered(
            "k-1", "v-1", "hall-1", "clerk-2", ComplaintKind.COMPLAINT, ComplaintClass.SERVICE, Channel.IN_PERSON,
            false, "c-1", "Li Lei", "13900000000", "The clerk was rude", FIRST_CONTACT_DUE, REPLY_DUE);
    private static final RegisterComplaint REGISTER_ANONYMOUS = new RegisterComplaint(
            "k-1", null, "hall-1", "clerk-2", ComplaintKind.REPORT, ComplaintClass.BUSINESS_HANDLING,
            Channel.HOTLINE_95598, true, "c-1", null, null, "A meter reader takes money");
    private static final ComplaintAcknowledged ACKNOWLEDGED = new ComplaintAcknowledged("k-1", "clerk-2");
    private static final ComplaintAssigned ASSIGNED = new ComplaintAssigned("k-1", "supervisor-1", "marketing",
                                                                            "handler-4");
    private static final ComplaintResolved RESOLVED = new ComplaintResolved("k-1", "handler-4", "c-1",
                                                                            "Apologised; clerk retrained",
                                                                            Instant.parse("2026-10-13T16:00:00Z"));
    private static final CallbackRecorded UNSATISFIED = new CallbackRecorded("k-1", "clerk-3",
                                                                             Satisfaction.UNSATISFIED, "c-1",
                                                                             "wants compensation");
    private static final CallbackRecorded SATISFIED = new CallbackRecorded("k-1", "clerk-3", Satisfaction.SATISFIED,
                                                                           "c-1", null);

    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerAnnotatedCommandHandler(new ComplaintRegistration(fixture.getRepository(),
                                                                          TestVisits.visits()));
    }

    // ------------------------------------------------------------------ registration

    @Test
    void aComplaintIsRegisteredWithItsFirstContactAndReplyLimitsAndTheirDeadlines() {
        fixture.givenCurrentTime(REGISTERED_AT)
               .when(REGISTER)
               .expectEvents(REGISTERED)
               .expectScheduledDeadline(FIRST_CONTACT_DUE.minus(WARNING_BEFORE),
                                        new Complaint.LimitWarning(FIRST_CONTACT, FIRST_CONTACT_DUE))
               .expectScheduledDeadline(FIRST_CONTACT_DUE, new Complaint.LimitMissed(FIRST_CONTACT, FIRST_CONTACT_DUE))
               .expectScheduledDeadline(REPLY_DUE.minus(WARNING_BEFORE),
                                        new Complaint.LimitWarning(REPLY, REPLY_DUE))
               .expectScheduledDeadline(REPLY_DUE, new Complaint.LimitMissed(REPLY, REPLY_DUE))
               .expectScheduledDeadlineWithName(FIRST_CONTACT_DUE, missedName(FIRST_CONTACT));
    }

    @Test
    void aHallWithItsOwnLimitsCountsByThem() {
        ServiceCalendar withHall9 = new ServiceCalendar(
                SHANGHAI, ComplaintTimeLimits.DEFAULTS, Map.of(),
                Map.of("hall-9", new ComplaintTimeLimits(1, 5, 1, Duration.ofHours(4))));
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(withHall9);
        fixture.registerAnnotatedCommandHandler(new ComplaintRegistration(fixture.getRepository(),
                                                                          TestVisits.visits()));
        // five working days: 10-08, 10-09, Saturday 10-10, 10-12, 10-13
        Instant replyDue = Instant.parse("2026-10-13T16:00:00Z");

        fixture.givenCurrentTime(REGISTERED_AT)
               .when(new RegisterComplaint("k-1", null, "hall-9", "clerk-2", ComplaintKind.COMPLAINT,
                                           ComplaintClass.SUPPLY_QUALITY, Channel.PHONE, false, "c-1", "Li Lei",
                                           "13900000000", "Voltage drops every evening"))
               .expectEvents(new ComplaintRegistered("k-1", null, "hall-9", "clerk-2", ComplaintKind.COMPLAINT,
                                                     ComplaintClass.SUPPLY_QUALITY, Channel.PHONE, false, "c-1",
                                                     "Li Lei", "13900000000", "Voltage drops every evening",
                                                     FIRST_CONTACT_DUE, replyDue))
               .expectScheduledDeadline(replyDue.minus(Duration.ofHours(4)), new Complaint.LimitWarning(REPLY,
                                                                                                        replyDue));
    }

    @Test
    void anAnonymousReportHasNobodyToContactSoOnlyAReplyLimit() {
        fixture.givenCurrentTime(REGISTERED_AT)
               .when(REGISTER_ANONYMOUS)
               .expectEvents(new ComplaintRegistered("k-1", null, "hall-1", "clerk-2", ComplaintKind.REPORT,
                                                     ComplaintClass.BUSINESS_HANDLING, Channel.HOTLINE_95598, true,
                                                     "c-1", null, null, "A meter reader takes money", null,
                                                     REPLY_DUE))
               .expectScheduledDeadlineWithName(REPLY_DUE, missedName(REPLY))
               .expectNoScheduledDeadlineWithName(FIRST_CONTACT_DUE, missedName(FIRST_CONTACT));
    }

    @Test
    void onlyAReportMayBeAnonymous() {
        fixture.givenNoPriorActivity()
               .when(new RegisterComplaint("k-1", null, "hall-1", "clerk-2", ComplaintKind.OPINION,
                                           ComplaintClass.SERVICE, Channel.LETTER, true, "c-1", null, null,
                                           "Open on Saturdays"))
               .expectException(violated("anonymous-only-for-reports"))
               .expectExceptionMessage("Only a report (举报) may be anonymous, not this opinion")
               .expectNoEvents()
               .expectNoScheduledDeadlines();
    }

    @Test
    void anAnonymousReportGivesNoNameOrPhone() {
        fixture.givenNoPriorActivity()
               .when(new RegisterComplaint("k-1", null, "hall-1", "clerk-2", ComplaintKind.REPORT,
                                           ComplaintClass.SERVICE, Channel.LETTER, true, "c-1", null, "13900000000",
                                           "..."))
               .expectException(violated("anonymous-with-contact-details"))
               .expectExceptionMessage("An anonymous report carries no complainant name or phone")
               .expectNoEvents();
    }

    @Test
    void aNamedComplainantGivesAPhoneToBeContactedOn() {
        fixture.givenNoPriorActivity()
               .when(new RegisterComplaint("k-1", null, "hall-1", "clerk-2", ComplaintKind.COMPLAINT,
                                           ComplaintClass.SERVICE, Channel.LETTER, false, "c-1", "Li Lei", null,
                                           "..."))
               .expectException(violated("complainant-phone-required"))
               .expectExceptionMessage("A complainant who is not anonymous gives a phone number: they are contacted "
                                               + "and called back")
               .expectNoEvents();
    }

    @Test
    void aComplaintCannotBeRegisteredDuringAVisitThatIsOverOrDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(new RegisterComplaint("k-1", TestVisits.OVER, "hall-1", "clerk-2", ComplaintKind.COMPLAINT,
                                           ComplaintClass.SERVICE, Channel.IN_PERSON, false, "c-1", "Li Lei",
                                           "13900000000", "..."))
               .expectException(violated("visit-over"))
               .expectNoEvents()
               .expectNoScheduledDeadlines();
        fixture.givenNoPriorActivity()
               .when(new RegisterComplaint("k-1", TestVisits.MISSING, "hall-1", "clerk-2", ComplaintKind.COMPLAINT,
                                           ComplaintClass.SERVICE, Channel.IN_PERSON, false, "c-1", "Li Lei",
                                           "13900000000", "..."))
               .expectException(violated("visit-not-found"))
               .expectNoEvents();
    }

    // ------------------------------------------------------------------ acknowledgement, assignment, follow-ups

    @Test
    void acknowledgingMeetsTheFirstContactLimitAndCancelsItsDeadlines() {
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER)
               .when(new AcknowledgeComplaint("k-1", "clerk-2"))
               .expectEvents(ACKNOWLEDGED)
               .expectNoScheduledDeadlineWithName(FIRST_CONTACT_DUE.minus(WARNING_BEFORE),
                                                  warningName(FIRST_CONTACT))
               .expectNoScheduledDeadlineWithName(FIRST_CONTACT_DUE, missedName(FIRST_CONTACT))
               .expectScheduledDeadlineWithName(REPLY_DUE, missedName(REPLY));
    }

    @Test
    void aComplaintIsAcknowledgedOnce() {
        fixture.given(REGISTERED, ACKNOWLEDGED)
               .when(new AcknowledgeComplaint("k-1", "clerk-2"))
               .expectException(violated("complaint-already-acknowledged"))
               .expectExceptionMessage("Complaint k-1 was already acknowledged")
               .expectNoEvents();
    }

    @Test
    void nobodyIsContactedAboutAnAnonymousReport() {
        fixture.givenCommands(REGISTER_ANONYMOUS)
               .when(new AcknowledgeComplaint("k-1", "clerk-2"))
               .expectException(violated("complainant-anonymous"))
               .expectExceptionMessage("Complaint k-1 is an anonymous report: nobody can be acknowledged")
               .expectNoEvents();
    }

    @Test
    void aComplaintIsAssignedAndReassignedToADepartmentAndHandler() {
        fixture.given(REGISTERED, ACKNOWLEDGED)
               .when(new AssignComplaint("k-1", "supervisor-1", "marketing", "handler-4"))
               .expectEvents(ASSIGNED);
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED)
               .when(new AssignComplaint("k-1", "supervisor-1", "metering", "handler-6"))
               .expectEvents(new ComplaintAssigned("k-1", "supervisor-1", "metering", "handler-6"));
    }

    @Test
    void followUpsAreRecorded() {
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED)
               .when(new RecordFollowUp("k-1", "handler-4", "Spoke to the clerk"))
               .expectEvents(new FollowUpRecorded("k-1", "handler-4", "c-1", "Spoke to the clerk"));
    }

    // ------------------------------------------------------------------ resolution and callback

    @Test
    void resolvingMeetsTheReplyLimitAndStartsTheCallbackLimit() {
        // resolved on the day it was registered: the callback is due by the end of the first working day after
        Instant callbackDue = FIRST_CONTACT_DUE;
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER, new AcknowledgeComplaint("k-1", "clerk-2"),
                                 new AssignComplaint("k-1", "supervisor-1", "marketing", "handler-4"))
               .when(new ResolveComplaint("k-1", "handler-4", "Apologised"))
               .expectEvents(new ComplaintResolved("k-1", "handler-4", "c-1", "Apologised", callbackDue))
               .expectNoScheduledDeadlineWithName(REPLY_DUE, missedName(REPLY))
               .expectScheduledDeadline(callbackDue.minus(WARNING_BEFORE),
                                        new Complaint.LimitWarning(CALLBACK, callbackDue))
               .expectScheduledDeadline(callbackDue, new Complaint.LimitMissed(CALLBACK, callbackDue));
    }

    @Test
    void aComplaintIsResolvedAfterTheComplainantWasContactedAndItWasAssigned() {
        fixture.given(REGISTERED, ASSIGNED)
               .when(new ResolveComplaint("k-1", "handler-4", "Apologised"))
               .expectException(violated("complaint-not-acknowledged"))
               .expectExceptionMessage("Complaint k-1 is resolved only after the complainant was contacted "
                                               + "(acknowledged)")
               .expectNoEvents();
        fixture.given(REGISTERED, ACKNOWLEDGED)
               .when(new ResolveComplaint("k-1", "handler-4", "Apologised"))
               .expectException(violated("complaint-not-assigned"))
               .expectExceptionMessage("Complaint k-1 is resolved only after it was assigned to a department and a "
                                               + "handler")
               .expectNoEvents();
    }

    @Test
    void aResolvedComplaintIsNeitherResolvedNorAssignedAgain() {
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED)
               .when(new ResolveComplaint("k-1", "handler-4", "Apologised again"))
               .expectException(violated("complaint-already-resolved"))
               .expectExceptionMessage("Complaint k-1 was already resolved and is not resolved again unless it is "
                                               + "reopened")
               .expectNoEvents();
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED)
               .when(new AssignComplaint("k-1", "supervisor-1", "metering", "handler-6"))
               .expectException(violated("complaint-already-resolved"))
               .expectNoEvents();
    }

    @Test
    void theCallbackMeetsTheCallbackLimit() {
        Instant callbackDue = FIRST_CONTACT_DUE;
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER, new AcknowledgeComplaint("k-1", "clerk-2"),
                                 new AssignComplaint("k-1", "supervisor-1", "marketing", "handler-4"),
                                 new ResolveComplaint("k-1", "handler-4", "Apologised"))
               .when(new RecordCallback("k-1", "clerk-3", Satisfaction.BASICALLY_SATISFIED, "ok"))
               .expectEvents(new CallbackRecorded("k-1", "clerk-3", Satisfaction.BASICALLY_SATISFIED, "c-1", "ok"))
               .expectNoScheduledDeadlineWithName(callbackDue, missedName(CALLBACK))
               .expectNoScheduledDeadlines();
    }

    @Test
    void theCustomerIsCalledBackOnceAfterTheResolution() {
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED)
               .when(new RecordCallback("k-1", "clerk-3", Satisfaction.SATISFIED, null))
               .expectException(violated("complaint-not-resolved"))
               .expectExceptionMessage("Complaint k-1 is called back only after it was resolved")
               .expectNoEvents();
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED, SATISFIED)
               .when(new RecordCallback("k-1", "clerk-3", Satisfaction.UNSATISFIED, null))
               .expectException(violated("callback-already-recorded"))
               .expectExceptionMessage("The callback on complaint k-1 was already recorded")
               .expectNoEvents();
    }

    // ------------------------------------------------------------------ reopening and closing

    @Test
    void anUnsatisfiedCustomersComplaintIsReopenedAndTheReplyLimitStartsOver() {
        // Monday 10-12, 10:00: seven working days from Tuesday 10-13 end on Wednesday 10-21
        Instant reopenedAt = Instant.parse("2026-10-12T02:00:00Z");
        Instant replyDue = Instant.parse("2026-10-21T16:00:00Z");
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER, new AcknowledgeComplaint("k-1", "clerk-2"),
                                 new AssignComplaint("k-1", "supervisor-1", "marketing", "handler-4"),
                                 new ResolveComplaint("k-1", "handler-4", "Apologised"),
                                 new RecordCallback("k-1", "clerk-3", Satisfaction.UNSATISFIED, "wants more"))
               .andGivenCurrentTime(reopenedAt)
               .when(new ReopenComplaint("k-1", "supervisor-1", "compensation asked"))
               .expectEvents(new ComplaintReopened("k-1", "supervisor-1", "c-1", "compensation asked", replyDue))
               .expectScheduledDeadline(replyDue.minus(WARNING_BEFORE), new Complaint.LimitWarning(REPLY,
                                                                                                         replyDue))
               .expectScheduledDeadline(replyDue, new Complaint.LimitMissed(REPLY, replyDue));
    }

    @Test
    void aReopenedComplaintIsReassignedAndResolvedAgain() {
        ComplaintReopened reopened = new ComplaintReopened("k-1", "supervisor-1", "c-1", "compensation asked",
                                                           Instant.parse("2026-10-21T16:00:00Z"));
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED, UNSATISFIED, reopened)
               .when(new AssignComplaint("k-1", "supervisor-1", "legal", "handler-8"))
               .expectEvents(new ComplaintAssigned("k-1", "supervisor-1", "legal", "handler-8"));
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED, UNSATISFIED, reopened)
               .when(new RecordCallback("k-1", "clerk-3", Satisfaction.SATISFIED, null))
               .expectException(violated("complaint-not-resolved"))
               .expectNoEvents();
    }

    @Test
    void onlyAnUnsatisfiedCallbackReopens() {
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED, SATISFIED)
               .when(new ReopenComplaint("k-1", "supervisor-1", "just because"))
               .expectException(violated("reopen-needs-unsatisfied-callback"))
               .expectExceptionMessage("Complaint k-1 is reopened only when the customer said on the callback they "
                                               + "are unsatisfied")
               .expectNoEvents();
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED)
               .when(new ReopenComplaint("k-1", "supervisor-1", "no callback yet"))
               .expectException(violated("reopen-needs-unsatisfied-callback"))
               .expectNoEvents();
    }

    @Test
    void aComplaintIsClosedAfterTheCallbackWhateverTheCustomerSaid() {
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED, SATISFIED)
               .when(new CloseComplaint("k-1", "supervisor-1"))
               .expectEvents(new ComplaintClosed("k-1", "supervisor-1"));
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED, UNSATISFIED)
               .when(new CloseComplaint("k-1", "supervisor-1"))
               .expectEvents(new ComplaintClosed("k-1", "supervisor-1"));
    }

    @Test
    void aComplaintIsNotClosedBeforeTheCallback() {
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED)
               .when(new CloseComplaint("k-1", "supervisor-1"))
               .expectException(violated("callback-required"))
               .expectExceptionMessage("Complaint k-1 is closed only after the customer was called back")
               .expectNoEvents();
    }

    @Test
    void anAnonymousReportIsClosedOnceResolvedWithoutACallback() {
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER_ANONYMOUS,
                                 new AssignComplaint("k-1", "supervisor-1", "inspection", "handler-4"))
               .when(new ResolveComplaint("k-1", "handler-4", "Investigated"))
               .expectEvents(new ComplaintResolved("k-1", "handler-4", "c-1", "Investigated", null))
               .expectNoScheduledDeadlines();
        fixture.givenCommands(REGISTER_ANONYMOUS,
                              new AssignComplaint("k-1", "supervisor-1", "inspection", "handler-4"),
                              new ResolveComplaint("k-1", "handler-4", "Investigated"))
               .when(new RecordCallback("k-1", "clerk-3", Satisfaction.SATISFIED, null))
               .expectException(violated("complainant-anonymous"))
               .expectNoEvents();
        fixture.givenCommands(REGISTER_ANONYMOUS,
                              new AssignComplaint("k-1", "supervisor-1", "inspection", "handler-4"))
               .when(new CloseComplaint("k-1", "supervisor-1"))
               .expectException(violated("callback-required"))
               .expectExceptionMessage("Complaint k-1 is closed only after it was resolved")
               .expectNoEvents();
        fixture.givenCommands(REGISTER_ANONYMOUS,
                              new AssignComplaint("k-1", "supervisor-1", "inspection", "handler-4"),
                              new ResolveComplaint("k-1", "handler-4", "Investigated"))
               .when(new CloseComplaint("k-1", "supervisor-1"))
               .expectEvents(new ComplaintClosed("k-1", "supervisor-1"));
    }

    @Test
    void aClosedComplaintAcceptsNothingMore() {
        ComplaintClosed closed = new ComplaintClosed("k-1", "supervisor-1");
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED, UNSATISFIED, closed)
               .when(new ReopenComplaint("k-1", "supervisor-1", "too late"))
               .expectException(violated("complaint-closed"))
               .expectExceptionMessage("Complaint k-1 is closed")
               .expectNoEvents();
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED, SATISFIED, closed)
               .when(new RecordFollowUp("k-1", "handler-4", "more"))
               .expectException(violated("complaint-closed"))
               .expectNoEvents();
        fixture.given(REGISTERED, ACKNOWLEDGED, ASSIGNED, RESOLVED, SATISFIED, closed)
               .when(new CloseComplaint("k-1", "supervisor-1"))
               .expectException(violated("complaint-closed"))
               .expectNoEvents();
    }

    // ------------------------------------------------------------------ deadlines

    @Test
    void aLimitAboutToBeMissedWarns() {
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER)
               .whenTimeAdvancesTo(FIRST_CONTACT_DUE.minus(WARNING_BEFORE))
               .expectEvents(new ComplaintLimitApproaching("k-1", FIRST_CONTACT, FIRST_CONTACT_DUE))
               .expectDeadlinesMet(new Complaint.LimitWarning(FIRST_CONTACT, FIRST_CONTACT_DUE));
    }

    @Test
    void aMissedLimitEscalates() {
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER)
               .whenTimeAdvancesTo(FIRST_CONTACT_DUE)
               .expectEvents(new ComplaintLimitApproaching("k-1", FIRST_CONTACT, FIRST_CONTACT_DUE),
                             new ComplaintEscalated("k-1", FIRST_CONTACT, FIRST_CONTACT_DUE));
    }

    @Test
    void aMetLimitNeitherWarnsNorEscalates() {
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER, new AcknowledgeComplaint("k-1", "clerk-2"))
               .whenTimeAdvancesTo(REPLY_DUE)
               .expectEvents(new ComplaintLimitApproaching("k-1", REPLY, REPLY_DUE),
                             new ComplaintEscalated("k-1", REPLY, REPLY_DUE));
    }

    @Test
    void aDeadlineThatFiresAfterItsLimitWasMetIsIgnored() {
        // the acknowledgement is given as an event, so its deadlines were not cancelled: they fire, as they may when
        // a cancellation races the firing
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER)
               .andGiven(ACKNOWLEDGED)
               .whenTimeAdvancesTo(FIRST_CONTACT_DUE)
               .expectNoEvents()
               .expectDeadlinesMet(new Complaint.LimitWarning(FIRST_CONTACT, FIRST_CONTACT_DUE),
                                   new Complaint.LimitMissed(FIRST_CONTACT, FIRST_CONTACT_DUE));
    }

    @Test
    void aDeadlineThatFiresTwiceIsRecordedOnce() {
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER)
               .andGiven(new ComplaintLimitApproaching("k-1", FIRST_CONTACT, FIRST_CONTACT_DUE),
                         new ComplaintEscalated("k-1", FIRST_CONTACT, FIRST_CONTACT_DUE))
               .whenTimeAdvancesTo(FIRST_CONTACT_DUE)
               .expectNoEvents();
    }

    @Test
    void aClosedComplaintsDeadlinesAreIgnored() {
        fixture.givenCurrentTime(REGISTERED_AT)
               .andGivenCommands(REGISTER)
               .andGiven(new ComplaintClosed("k-1", "supervisor-1"))
               .whenTimeAdvancesTo(REPLY_DUE)
               .expectNoEvents();
    }
}
