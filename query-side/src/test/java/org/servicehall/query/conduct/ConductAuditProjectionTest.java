package org.servicehall.query.conduct;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.complaint.ComplaintLimit;
import org.servicehall.api.conduct.FindConductFindings;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.api.conduct.FindConductReport;
import org.servicehall.api.conduct.FindConductReport.ReportGrouping;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.platform.calendar.ComplaintTimeLimits;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.platform.calendar.WorkingDayCalendar;
import org.servicehall.platform.testing.TestMongo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicehall.query.conduct.AuditScenarios.DAY;

/** Events in, findings and rates out: the audit projection and its reads on one store, without Spring. */
class ConductAuditProjectionTest {

    private static final ServiceCalendar CALENDAR = new ServiceCalendar(
            new WorkingDayCalendar(AuditEvents.SHANGHAI, List.of(), List.of()),
            new ComplaintTimeLimits(1, 7, 1, Duration.ofHours(12)), Map.of(), Map.of());

    private final TestMongo mongo = TestMongo.start();
    private AuditSettings settings = settings(Map.of());
    private ConductAuditProjection projection = new ConductAuditProjection(mongo.mongoTemplate(), CALENDAR, settings);

    @AfterEach
    void close() {
        mongo.close();
    }

    private static AuditSettings settings(Map<String, Map<String, String>> rules) {
        return new AuditSettings(new AuditProperties(rules));
    }

    private void handle(AuditEvents... streams) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        for (AuditEvents stream : streams) {
            for (EventMessage<?> event : stream.events()) {
                try {
                    handlers.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private List<Finding> findings() {
        return findings(null, null);
    }

    private List<Finding> findings(String rule, String staff) {
        return new ConductAuditReads(mongo.mongoTemplate(), settings)
                .handle(new FindConductFindings("hall-1", LocalDate.parse(DAY), LocalDate.parse("2026-12-31"), rule,
                                                staff, 0, 500))
                .findings();
    }

    private ConductReport report(ReportGrouping grouping) {
        return new ConductAuditReads(mongo.mongoTemplate(), settings)
                .handle(new FindConductReport("hall-1", LocalDate.parse(DAY), LocalDate.parse("2026-12-31"),
                                              grouping));
    }

    @Test
    void cleanVisitsConsultationsApplicationsPaymentsAndComplaintsHaveNoFindings() {
        handle(AuditScenarios.cleanVisit("v-1"), AuditScenarios.cleanUnreachedHandOver("v-2"),
               AuditScenarios.cleanConsultation("c-1"), AuditScenarios.application("a-1", 1),
               AuditScenarios.payment("p-1", "supervisor-1", 4_000), AuditScenarios.complaint("k-1", null));

        assertThat(findings()).isEmpty();
        // visit 7 + hand-over visit 5 + consultation 3 + application 1 + payment 1 + complaint 3
        assertThat(report(ReportGrouping.RULE).total()).isEqualTo(ConductReport.Group.of(null, 20, 0));
        assertThat(report(ReportGrouping.RULE).groups())
                .filteredOn(group -> group.judged() > 0)
                .extracting(ConductReport.Group::key)
                .containsExactlyInAnyOrder("greeting", "umbrella-stand", "wet-floor-sign",
                                           "other-needs-before-see-off", "belongings-reminder", "routing-judgement",
                                           "unreached-hand-over-contact-and-appointment", "form-correction-with-help",
                                           "work-order-chased-before-due", "work-order-closed", "customer-informed",
                                           "missing-documents-notified-once", "refund-authorised-within-collected",
                                           "complaint-first-contact", "complaint-reply", "complaint-callback");
    }

    @Test
    void eachRuleBrokenOnPurposeGivesExactlyThatFindingWithItsEvidence() {
        assertOnlyFinding(AuditScenarios.notGreeted("v-1"), "greeting", "guide-7", 0, 3);
        assertOnlyFinding(AuditScenarios.noUmbrellaStand("v-2"), "umbrella-stand", "guide-7", 1);
        assertOnlyFinding(AuditScenarios.noWetFloorSign("v-3"), "wet-floor-sign", "guide-8", 1);
        assertOnlyFinding(AuditScenarios.otherNeedsNotAsked("v-4"), "other-needs-before-see-off", "clerk-2", 3);
        assertOnlyFinding(AuditScenarios.belongingsNotReminded("v-5"), "belongings-reminder", "clerk-2", 4);
        assertOnlyFinding(AuditScenarios.wrongRouting("v-6"), "routing-judgement", "guide-7", 2, 3, 5);
        assertOnlyFinding(AuditScenarios.unreachedWithoutAppointment("v-7"),
                          "unreached-hand-over-contact-and-appointment", "guide-7", 3, 4);
        assertOnlyFinding(AuditScenarios.formWithoutHelp("v-8"), "form-correction-with-help", "guide-9", 2);
        assertOnlyFinding(AuditScenarios.consultation("c-1", null, "2026-11-30T16:30", "2026-11-30T17:30"),
                          "work-order-chased-before-due", "clerk-2", 1, 2);
        assertOnlyFinding(AuditScenarios.workOrderOverdue("c-2"), "work-order-closed", "clerk-2", 1, 3);
        assertOnlyFinding(AuditScenarios.consultation("c-3", "2026-11-30T14:00", "2026-11-30T16:30",
                                                      "2026-12-03T09:00"), "customer-informed", "clerk-2", 3, 4);
        assertOnlyFinding(AuditScenarios.application("a-1", 2), "missing-documents-notified-once", "clerk-3", 1, 2);
        assertOnlyFinding(AuditScenarios.payment("p-1", "cashier-1", 4_000), "refund-authorised-within-collected",
                          "cashier-1", 1, 2);
        assertOnlyFinding(AuditScenarios.payment("p-2", "supervisor-1", 10_001),
                          "refund-authorised-within-collected", "cashier-1", 1, 2);
        // the case, as the previous version recorded it: 1 fen, then 9223372036854775807 fen
        assertOnlyFinding(AuditScenarios.payment("p-3", "supervisor-1", 1)
                                        .at("2026-11-30T11:05", new PaymentRefunded("p-3", "r-2", "cashier-1",
                                                                                    "supervisor-1", "shift-1",
                                                                                    PaymentMethod.CASH,
                                                                                    Long.MAX_VALUE, "cust-5",
                                                                                    "Charged twice")),
                          "refund-authorised-within-collected", "cashier-1", 1, 2, 3);
        assertOnlyFinding(AuditScenarios.complaint("k-1", ComplaintLimit.FIRST_CONTACT), "complaint-first-contact",
                          "clerk-4", 0, 1);
        assertOnlyFinding(AuditScenarios.complaint("k-2", ComplaintLimit.REPLY), "complaint-reply", "handler-1",
                          0, 3);
        assertOnlyFinding(AuditScenarios.complaint("k-3", ComplaintLimit.CALLBACK), "complaint-callback", "handler-1",
                          3, 4);
    }

    private void assertOnlyFinding(AuditEvents stream, String rule, String staffId, long... evidence) {
        List<Finding> before = findings();
        handle(stream);
        List<Finding> added = new ArrayList<>(findings());
        added.removeAll(before);
        assertThat(added).as(rule).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(rule);
            assertThat(finding.staffId()).isEqualTo(staffId);
            assertThat(finding.hallId()).isEqualTo("hall-1");
            assertThat(finding.evidence()).containsExactly(
                    Arrays.stream(evidence).mapToObj(stream::evidence).toArray(Evidence[]::new));
        });
    }

    @Test
    void aFindingTellsItsDayInTheHallsZoneAndExplainsItself() {
        AuditEvents late = AuditScenarios.consultation("c-1", "2026-11-30T14:00", "2026-11-30T16:30",
                                                       "2026-12-03T09:00");
        handle(late);

        Finding finding = findings().get(0);
        assertThat(finding.day()).isEqualTo("2026-12-03");
        assertThat(finding.at()).isEqualTo(AuditEvents.instant("2026-12-03T09:00"));
        assertThat(finding.aggregateType()).isEqualTo("Consultation");
        assertThat(finding.aggregateId()).isEqualTo("c-1");
        assertThat(finding.explanation()).contains("1 working day(s) after the last work order was completed");
    }

    @Test
    void greetingsThatRecordedNoConditionsAreNotJudgedOnThem() {
        AuditEvents visit = AuditEvents.of("Visit", "v-1")
                .at("2026-11-30T09:00", new VisitStarted("v-1", "hall-1"))
                .at("2026-11-30T09:00:10", new CustomerGreeted(
                        "v-1", "guide-7", false, false, false, false, false));
        handle(visit);

        assertThat(report(ReportGrouping.RULE).total().judged()).isZero();
    }

    @Test
    void aDisabledRuleIsHiddenFromFindingsAndReports() {
        handle(AuditScenarios.belongingsNotReminded("v-1"), AuditScenarios.notGreeted("v-2"));
        assertThat(findings()).extracting(Finding::rule).containsExactlyInAnyOrder("belongings-reminder", "greeting");

        settings = settings(Map.of("belongings-reminder", Map.of("enabled", "false")));

        assertThat(findings()).extracting(Finding::rule).containsExactly("greeting");
        assertThat(report(ReportGrouping.RULE).groups()).extracting(ConductReport.Group::key)
                                                        .doesNotContain("belongings-reminder");
    }

    @Test
    void aChangedThresholdChangesTheVerdict() {
        // chased at 15:30, 90 minutes before the work order is due
        AuditEvents chased = AuditScenarios.consultation("c-1", "2026-11-30T15:30", "2026-11-30T16:30",
                                                         "2026-11-30T17:30");
        handle(chased);
        assertThat(findings()).isEmpty();

        settings = settings(Map.of("work-order-chased-before-due", Map.of("lead", "2h")));
        projection = new ConductAuditProjection(mongo.mongoTemplate(), CALENDAR, settings);
        projection.reset();
        handle(chased);

        assertThat(findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("work-order-chased-before-due");
            assertThat(finding.explanation()).contains("not chased by 2026-11-30T07:00:00Z (PT2H before");
            assertThat(finding.evidence()).containsExactly(chased.evidence(1), chased.evidence(2),
                                                           chased.evidence(3));
        });
    }

    @Test
    void settingsNamingUnknownRulesOrThresholdsOrBadValuesAreRefused() {
        assertThatThrownBy(() -> settings(Map.of("greting", Map.of("enabled", "false"))))
                .hasMessageStartingWith("hall.audit.rules.greting: no such rule");
        assertThatThrownBy(() -> settings(Map.of("greeting", Map.of("within", "5m"))))
                .hasMessage("hall.audit.rules.greeting.within: no such setting; greeting takes [enabled]");
        assertThatThrownBy(() -> settings(Map.of("greeting", Map.of("enabled", "no"))))
                .hasMessage("hall.audit.rules.greeting.enabled: must be true or false, not 'no'");
        assertThatThrownBy(() -> settings(Map.of("work-order-chased-before-due", Map.of("lead", "soon"))))
                .hasMessageStartingWith("hall.audit.rules.work-order-chased-before-due.lead: 'soon' is not a duration");
        assertThatThrownBy(() -> settings(Map.of("customer-informed", Map.of("working-days", "0"))))
                .hasMessage("hall.audit.rules.customer-informed.working-days: must be a whole number of at least 1, "
                            + "not '0'");
    }

    @Test
    void redeliveryChangesNothing() {
        AuditEvents[] streams = {AuditScenarios.cleanVisit("v-1"), AuditScenarios.belongingsNotReminded("v-2"),
                AuditScenarios.workOrderOverdue("c-1"), AuditScenarios.application("a-1", 2)};
        handle(streams);
        List<Finding> findings = findings();
        ConductReport report = report(ReportGrouping.STAFF);

        handle(streams);
        // a delivery cut short and started again: every prefix of a stream once more
        for (AuditEvents stream : streams) {
            for (int end = 1; end <= stream.events().size(); end++) {
                AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
                for (EventMessage<?> event : stream.events().subList(0, end)) {
                    try {
                        handlers.handle(event);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        assertThat(findings()).isEqualTo(findings);
        assertThat(report(ReportGrouping.STAFF)).isEqualTo(report);
    }

    @Test
    void aResetRebuildsTheSameFindings() {
        AuditEvents[] streams = {AuditScenarios.cleanVisit("v-1"), AuditScenarios.wrongRouting("v-2"),
                AuditScenarios.complaint("k-1", ComplaintLimit.REPLY), AuditScenarios.payment("p-1", "cashier-1", 1)};
        handle(streams);
        List<Finding> findings = findings();
        ConductReport report = report(ReportGrouping.DAY);

        projection.reset();
        assertThat(findings()).isEmpty();
        handle(streams);

        assertThat(findings()).isEqualTo(findings);
        assertThat(report(ReportGrouping.DAY)).isEqualTo(report);
    }

    @Test
    void ratesArePassesOverAllVerdictsPerGroup() {
        // clerk-2: 2 passes of the clean visit (other needs, belongings) + belongings finding + other needs pass
        // guide-7: 5 passes of the clean visit (greeting, umbrella, wet floor, form, routing) + greeting and routing
        //          passes of the second visit
        handle(AuditScenarios.cleanVisit("v-1"), AuditScenarios.belongingsNotReminded("v-2"));

        ConductReport byStaff = report(ReportGrouping.STAFF);
        assertThat(byStaff.groups()).containsExactly(ConductReport.Group.of("clerk-2", 3, 1),
                                                     ConductReport.Group.of("guide-7", 7, 0));
        assertThat(byStaff.groups().get(0).complianceRate()).isEqualTo(0.75);
        assertThat(byStaff.total()).isEqualTo(new ConductReport.Group(null, 10, 1, 11, 10.0 / 11));

        ConductReport byRule = report(ReportGrouping.RULE);
        assertThat(byRule.groups()).contains(ConductReport.Group.of("belongings-reminder", 1, 1),
                                             ConductReport.Group.of("greeting", 2, 0),
                                             ConductReport.Group.of("complaint-reply", 0, 0));
        assertThat(byRule.groups()).filteredOn(group -> group.key().equals("belongings-reminder"))
                                   .extracting(ConductReport.Group::complianceRate).containsExactly(0.5);
        assertThat(byRule.groups()).filteredOn(group -> group.key().equals("complaint-reply"))
                                   .extracting(ConductReport.Group::complianceRate).containsOnlyNulls();

        ConductReport byDay = report(ReportGrouping.DAY);
        assertThat(byDay.groups()).hasSize(32).first().isEqualTo(ConductReport.Group.of(DAY, 10, 1));
        assertThat(byDay.groups().get(1)).isEqualTo(ConductReport.Group.of("2026-12-01", 0, 0));
    }

    @Test
    void findingsFilterByRuleAndStaffAndPage() {
        handle(AuditScenarios.belongingsNotReminded("v-1"), AuditScenarios.notGreeted("v-2"),
               AuditScenarios.otherNeedsNotAsked("v-3"));

        assertThat(findings("belongings-reminder", null)).extracting(Finding::aggregateId).containsExactly("v-1");
        // oldest first: v-2 seen off 11:21, v-3 12:20, v-1 12:51
        assertThat(findings(null, "clerk-2")).extracting(Finding::aggregateId).containsExactly("v-3", "v-1");
        FindingsPage second = new ConductAuditReads(mongo.mongoTemplate(), settings)
                .handle(new FindConductFindings("hall-1", LocalDate.parse(DAY), LocalDate.parse(DAY), null, null, 1,
                                                2));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.findings()).extracting(Finding::aggregateId).containsExactly("v-1");
    }
}
