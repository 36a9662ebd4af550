package org.servicehall.query.conduct;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the hall's code of service behaviour (docs/domain.md) that the events can show. Each has a stable id
 * (findings and settings name it), the kind of aggregate it judges, when a verdict falls, and its thresholds with
 * their defaults ({@code hall.audit.rules.<id>.<threshold>}). Whether a rule is met is decided by the judges
 * ({@link VisitJudge} and the others) from the aggregate's own events only, once and for good: a verdict never
 * changes as later events arrive, so the audit is rebuilt from the history like any view.
 */
enum ConductRule {

    GREETING("greeting", SubjectKind.VISIT, "docs/domain.md §1 Greeting and seeing off",
             "The customer is greeted on coming in (at 2 m: a 15-degree bow and a greeting).",
             "when the visit ends (see-off or walk-out)"),
    UMBRELLA_STAND("umbrella-stand", SubjectKind.VISIT, "docs/domain.md §1 Greeting and seeing off",
                   "On a rainy day the customer is pointed to the umbrella stand.",
                   "at a greeting that recorded a rainy day"),
    WET_FLOOR_SIGN("wet-floor-sign", SubjectKind.VISIT, "docs/domain.md §1 Greeting and seeing off",
                   "On a wet or freshly mopped floor the \"caution, slippery\" sign is out and the customer warned.",
                   "at a greeting that recorded a wet floor"),
    OTHER_NEEDS_BEFORE_SEE_OFF("other-needs-before-see-off", SubjectKind.VISIT,
                               "docs/domain.md §1 Greeting and seeing off",
                               "Before seeing the customer off, staff ask and confirm whether a next step or other "
                               + "business is needed.",
                               "at the see-off"),
    BELONGINGS_REMINDER("belongings-reminder", SubjectKind.VISIT, "docs/domain.md §1 Greeting and seeing off",
                        "A customer leaving the hall is reminded to take their belongings.",
                        "at the see-off"),
    ROUTING_JUDGEMENT("routing-judgement", SubjectKind.VISIT, "docs/domain.md §2 Triage and guided handling",
                      "No routing error caused by a wrong judgement: a customer is not routed again because the "
                      + "first judgement of the need was wrong.",
                      "when a visit that was routed ends"),
    UNREACHED_HAND_OVER("unreached-hand-over-contact-and-appointment", SubjectKind.VISIT,
                        "docs/domain.md §2 Triage and guided handling",
                        "A hand-over to the back office or another department that reached nobody records the "
                        + "customer's contact details and ends with an appointment (or a later hand-over that "
                        + "reached someone).",
                        "for each such hand-over, when the visit ends"),
    FORM_CORRECTION_WITH_HELP("form-correction-with-help", SubjectKind.VISIT,
                              "docs/domain.md §2 Triage and guided handling",
                              "A wrongly filled form is politely handed back to be filled again, with help.",
                              "at each form handed back"),
    WORK_ORDER_CHASED_BEFORE_DUE("work-order-chased-before-due", SubjectKind.CONSULTATION,
                                 "docs/domain.md §3 Consultation and inquiry",
                                 "The hall chases (催办) a work order still open `lead` before its due time, by then.",
                                 "for each work order, when it is completed or passes its due time "
                                 + "(WorkOrderOverdue)",
                                 Map.of("lead", "1h")),
    WORK_ORDER_CLOSED("work-order-closed", SubjectKind.CONSULTATION, "docs/domain.md §3 Consultation and inquiry",
                      "A work order is closed (completed by its department) by its due time.",
                      "for each work order, when it is completed or passes its due time (WorkOrderOverdue)"),
    CUSTOMER_INFORMED("customer-informed", SubjectKind.CONSULTATION, "docs/domain.md §3 Consultation and inquiry",
                      "Once its work orders are completed, the customer is told the answer within `working-days` "
                      + "working days of the last completion.",
                      "when the customer is informed, or the consultation is closed without it",
                      Map.of("working-days", "1")),
    MISSING_DOCUMENTS_NOTIFIED_ONCE("missing-documents-notified-once", SubjectKind.APPLICATION,
                                    "docs/domain.md §4 Business applications",
                                    "Missing documents are told to the customer once, all of them (一次性告知): no "
                                    + "second list.",
                                    "at a second list, or when an application told one list ends"),
    REFUND_AUTHORISED_WITHIN_COLLECTED("refund-authorised-within-collected", SubjectKind.PAYMENT,
                                       "docs/domain.md §5 Fee collection",
                                       "A refund has a reason and an authorising supervisor other than the staff "
                                       + "member refunding, and refunds never exceed what was collected.",
                                       "at each refund"),
    COMPLAINT_FIRST_CONTACT("complaint-first-contact", SubjectKind.COMPLAINT,
                            "docs/domain.md §6 Complaints and reports",
                            "The complainant is contacted within the first-contact limit (hall.calendar."
                            + "complaint-limits.first-contact, recorded on the complaint).",
                            "when the complaint is acknowledged or escalated for the limit"),
    COMPLAINT_REPLY("complaint-reply", SubjectKind.COMPLAINT, "docs/domain.md §6 Complaints and reports",
                    "The handling opinion is given within the reply limit, counted from registration and again "
                    + "from each reopening.",
                    "for each registration or reopening, when the complaint is resolved or escalated"),
    COMPLAINT_CALLBACK("complaint-callback", SubjectKind.COMPLAINT, "docs/domain.md §6 Complaints and reports",
                       "After each resolution the customer is called back (回访) within the callback limit.",
                       "for each resolution, when the callback is recorded, or the limit is escalated, or the "
                       + "complaint is closed or reopened without it");

    private final String id;
    private final SubjectKind appliesTo;
    private final String source;
    private final String description;
    private final String judgedWhen;
    private final Map<String, String> thresholds;

    ConductRule(String id, SubjectKind appliesTo, String source, String description, String judgedWhen) {
        this(id, appliesTo, source, description, judgedWhen, Map.of());
    }

    ConductRule(String id, SubjectKind appliesTo, String source, String description, String judgedWhen,
                Map<String, String> thresholds) {
        this.id = id;
        this.appliesTo = appliesTo;
        this.source = source;
        this.description = description;
        this.judgedWhen = judgedWhen;
        this.thresholds = new LinkedHashMap<>(thresholds);
    }

    String id() {
        return id;
    }

    SubjectKind appliesTo() {
        return appliesTo;
    }

    String source() {
        return source;
    }

    String description() {
        return description;
    }

    String judgedWhen() {
        return judgedWhen;
    }

    /** The thresholds' default values, as they are written in the settings. */
    Map<String, String> thresholdDefaults() {
        return Map.copyOf(thresholds);
    }

    static Optional<ConductRule> byId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }
}
