package org.servicehall.query.conduct;

import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.application.ApplicationCompleted;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.application.MissingDocumentsNotified;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintAssigned;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintEscalated;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintLimit;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.api.consultation.ConsultationClosed;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.CustomerInformed;
import org.servicehall.api.consultation.InformMethod;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.consultation.WorkOrderOverdue;
import org.servicehall.api.consultation.WorkOrderReminded;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.visit.AppointmentBooked;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerRerouted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.FormCorrectionRequested;
import org.servicehall.api.visit.HandOverMethod;
import org.servicehall.api.visit.HandedOverToBackOffice;
import org.servicehall.api.visit.OtherNeedsChecked;
import org.servicehall.api.visit.RerouteReason;
import org.servicehall.api.visit.RoutedToBackOffice;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.VisitStarted;

import java.time.Instant;
import java.util.List;

import static org.servicehall.query.conduct.AuditEvents.instant;

/**
 * Streams of hall-1 for the audit tests: clean ones of every kind, and for each rule one built to break it and
 * nothing else. Everything happens on Monday 2026-11-30 (Shanghai) unless a limit needs later days.
 */
final class AuditScenarios {

    static final String DAY = "2026-11-30";
    /** A work order's due time, and the limits of the clean complaint. */
    static final Instant DUE = instant("2026-11-30T17:00");

    private AuditScenarios() {
    }

    // ------------------------------------------------------------------ visits

    /** Rainy, wet floor, a form handed back with help, other needs asked, belongings reminded: 7 passes. */
    static AuditEvents cleanVisit(String id) {
        return AuditEvents.of("Visit", id)
                          .at("2026-11-30T09:00", new VisitStarted(id, "hall-1"))
                          .at("2026-11-30T09:00:10", new CustomerGreeted(id, "guide-7", true, true, true, true))
                          .at("2026-11-30T09:01", new RoutedToCounter(id, "guide-7", "3"))
                          .at("2026-11-30T09:02", new FormCorrectionRequested(id, "guide-7", "F-101", true))
                          .at("2026-11-30T09:20", new OtherNeedsChecked(id, "clerk-2", false, null))
                          .at("2026-11-30T09:21", new CustomerSeenOff(id, "clerk-2", true));
    }

    /** A hand-over that reached nobody, with contact details and an appointment: 5 passes. */
    static AuditEvents cleanUnreachedHandOver(String id) {
        return AuditEvents.of("Visit", id)
                          .at("2026-11-30T10:00", new VisitStarted(id, "hall-1"))
                          .at("2026-11-30T10:00:10", new CustomerGreeted(id, "guide-7", false, false, false, false))
                          .at("2026-11-30T10:01", new RoutedToBackOffice(id, "guide-7"))
                          .at("2026-11-30T10:03", new HandedOverToBackOffice(id, "guide-7", HandOverMethod.PHONE,
                                                                              false, "cust-1", "张三", "13812341234"))
                          .at("2026-11-30T10:05", new AppointmentBooked(id, "guide-7", instant("2026-12-01T09:00"),
                                                                         null, "cust-1", "张三", "13812341234"))
                          .at("2026-11-30T10:06", new OtherNeedsChecked(id, "guide-7", false, null))
                          .at("2026-11-30T10:07", new CustomerSeenOff(id, "guide-7", true));
    }

    /** Nobody greets; the guide routes: finding on sequence 0 and 3 for guide-7. */
    static AuditEvents notGreeted(String id) {
        return AuditEvents.of("Visit", id)
                          .at("2026-11-30T11:00", new VisitStarted(id, "hall-1"))
                          .at("2026-11-30T11:01", new RoutedToCounter(id, "guide-7", "3"))
                          .at("2026-11-30T11:20", new OtherNeedsChecked(id, "clerk-2", false, null))
                          .at("2026-11-30T11:21", new CustomerSeenOff(id, "clerk-2", true));
    }

    /** Rainy, no umbrella stand (the visit goes on): finding on sequence 1. */
    static AuditEvents noUmbrellaStand(String id) {
        return AuditEvents.of("Visit", id)
                          .at("2026-11-30T11:30", new VisitStarted(id, "hall-1"))
                          .at("2026-11-30T11:30:10", new CustomerGreeted(id, "guide-7", true, false, false, false));
    }

    /** Wet floor, no sign: finding on sequence 1. */
    static AuditEvents noWetFloorSign(String id) {
        return AuditEvents.of("Visit", id)
                          .at("2026-11-30T11:40", new VisitStarted(id, "hall-1"))
                          .at("2026-11-30T11:40:10", new CustomerGreeted(id, "guide-8", false, false, true, false));
    }

    /** Seen off without asking about other needs: finding on sequence 3 for clerk-2. */
    static AuditEvents otherNeedsNotAsked(String id) {
        return AuditEvents.of("Visit", id)
                          .at("2026-11-30T12:00", new VisitStarted(id, "hall-1"))
                          .at("2026-11-30T12:00:10", new CustomerGreeted(id, "guide-7", false, false, false, false))
                          .at("2026-11-30T12:01", new RoutedToCounter(id, "guide-7", "3"))
                          .at("2026-11-30T12:20", new CustomerSeenOff(id, "clerk-2", true));
    }

    /** Seen off without the belongings reminder: finding on sequence 4 for clerk-2. */
    static AuditEvents belongingsNotReminded(String id) {
        return AuditEvents.of("Visit", id)
                          .at("2026-11-30T12:30", new VisitStarted(id, "hall-1"))
                          .at("2026-11-30T12:30:10", new CustomerGreeted(id, "guide-7", false, false, false, false))
                          .at("2026-11-30T12:31", new RoutedToCounter(id, "guide-7", "3"))
                          .at("2026-11-30T12:50", new OtherNeedsChecked(id, "clerk-2", false, null))
                          .at("2026-11-30T12:51", new CustomerSeenOff(id, "clerk-2", false));
    }

    /** Routed to the wrong counter by guide-7 and re-routed: finding on sequences 2, 3 and 5. */
    static AuditEvents wrongRouting(String id) {
        return AuditEvents.of("Visit", id)
                          .at("2026-11-30T13:00", new VisitStarted(id, "hall-1"))
                          .at("2026-11-30T13:00:10", new CustomerGreeted(id, "guide-7", false, false, false, false))
                          .at("2026-11-30T13:01", new RoutedToCounter(id, "guide-7", "3"))
                          .at("2026-11-30T13:05", new CustomerRerouted(id, "clerk-3", RerouteReason.WRONG_JUDGEMENT,
                                                                       Destination.COUNTER, "5", null))
                          .at("2026-11-30T13:20", new OtherNeedsChecked(id, "clerk-5", false, null))
                          .at("2026-11-30T13:21", new CustomerSeenOff(id, "clerk-5", true));
    }

    /** A hand-over reached nobody and the customer left without an appointment: finding on sequences 3 and 4. */
    static AuditEvents unreachedWithoutAppointment(String id) {
        return AuditEvents.of("Visit", id)
                          .at("2026-11-30T14:00", new VisitStarted(id, "hall-1"))
                          .at("2026-11-30T14:00:10", new CustomerGreeted(id, "guide-7", false, false, false, false))
                          .at("2026-11-30T14:01", new RoutedToBackOffice(id, "guide-7"))
                          .at("2026-11-30T14:03", new HandedOverToBackOffice(id, "guide-7", HandOverMethod.PHONE,
                                                                              false, "cust-2", "李四", "13900001111"))
                          .at("2026-11-30T14:10", new CustomerLeftWithoutService(id, "guide-7"));
    }

    /** A form handed back without help: finding on sequence 2. */
    static AuditEvents formWithoutHelp(String id) {
        return AuditEvents.of("Visit", id)
                          .at("2026-11-30T14:30", new VisitStarted(id, "hall-1"))
                          .at("2026-11-30T14:30:10", new CustomerGreeted(id, "guide-7", false, false, false, false))
                          .at("2026-11-30T14:31", new FormCorrectionRequested(id, "guide-9", "F-102", false));
    }

    // ------------------------------------------------------------------ consultations

    /**
     * A work order due at 17:00, chased at {@code chasedAt}, completed at {@code completedAt}, the customer told at
     * {@code informedAt}; clean with the defaults when chased before 16:00 and completed, told on time.
     */
    static AuditEvents consultation(String id, String chasedAt, String completedAt, String informedAt) {
        AuditEvents events = AuditEvents.of("Consultation", id)
                .at("2026-11-30T09:10", new ConsultationOpened(id, null, "hall-1", "clerk-2", Channel.PHONE,
                                                               BusinessType.BILLING_INQUIRY, "cust-3", "王五",
                                                               "13700002222", "Why is my bill so high?"))
                .at("2026-11-30T09:15", new WorkOrderCreated(id, "wo-1", "clerk-2", "metering", DUE, "cust-3",
                                                             "Check the meter"));
        if (chasedAt != null) {
            events.at(chasedAt, new WorkOrderReminded(id, "wo-1", "clerk-2"));
        }
        return events.at(completedAt, new WorkOrderCompleted(id, "wo-1", "metering-1", "metering", "cust-3",
                                                             "The meter is fine"))
                     .at(informedAt, new CustomerInformed(id, "clerk-2", InformMethod.PHONE))
                     .at(informedAt, new ConsultationClosed(id, "clerk-2"));
    }

    static AuditEvents cleanConsultation(String id) {
        return consultation(id, "2026-11-30T14:00", "2026-11-30T16:30", "2026-11-30T17:30");
    }

    /** Chased, then overdue: the work-order-closed finding on sequences 1 and 3. */
    static AuditEvents workOrderOverdue(String id) {
        return AuditEvents.of("Consultation", id)
                          .at("2026-11-30T09:10", new ConsultationOpened(id, null, "hall-1", "clerk-2",
                                                                         Channel.PHONE, BusinessType.BILLING_INQUIRY,
                                                                         "cust-3", "王五", "13700002222", "?"))
                          .at("2026-11-30T09:15", new WorkOrderCreated(id, "wo-1", "clerk-2", "metering", DUE,
                                                                       "cust-3", "Check the meter"))
                          .at("2026-11-30T14:00", new WorkOrderReminded(id, "wo-1", "clerk-2"))
                          .at("2026-11-30T17:00", new WorkOrderOverdue(id, "wo-1", DUE));
    }

    // ------------------------------------------------------------------ applications and payments

    static AuditEvents application(String id, int notices) {
        AuditEvents events = AuditEvents.of("BusinessApplication", id)
                .at("2026-11-30T09:30", new ApplicationSubmitted(id, null, "hall-1", "clerk-3",
                                                                 BusinessType.NAME_CHANGE, "cust-4", "赵六",
                                                                 "13600003333", "0123456789"));
        for (int i = 0; i < notices; i++) {
            events.at("2026-11-30T09:3" + (i + 1), new MissingDocumentsNotified(id, "clerk-3",
                                                                                List.of("ID card " + i)));
        }
        return events.at("2026-11-30T15:00", new ApplicationCompleted(id, "clerk-3"));
    }

    static AuditEvents payment(String id, String supervisorId, long refundFen) {
        return AuditEvents.of("Payment", id)
                          .at("2026-11-30T10:30", new PaymentRequested(id, null, "hall-1", "cashier-1",
                                                                       PaymentKind.ELECTRICITY_BILL, 10_000,
                                                                       "cust-5", "0123456789"))
                          .at("2026-11-30T10:31", new FeeCollected(id, "cashier-1", "shift-1", PaymentMethod.CASH,
                                                                   10_000, 10_000L, 0L))
                          .at("2026-11-30T11:00", new PaymentRefunded(id, "r-1", "cashier-1", supervisorId,
                                                                      "shift-1", PaymentMethod.CASH, refundFen,
                                                                      "cust-5", "Charged twice"));
    }

    // ------------------------------------------------------------------ complaints

    /**
     * Registered Monday 09:00 with first contact due Tuesday's end and reply due a week later; {@code breaking}
     * names the limit that is escalated instead of met (null: all met, a clean complaint).
     */
    static AuditEvents complaint(String id, ComplaintLimit breaking) {
        Instant firstContactDue = instant("2026-12-02T00:00");
        Instant replyDue = instant("2026-12-10T00:00");
        Instant callbackDue = instant("2026-12-04T00:00");
        AuditEvents events = AuditEvents.of("Complaint", id)
                .at("2026-11-30T09:00", new ComplaintRegistered(id, null, "hall-1", "clerk-4",
                                                                ComplaintKind.COMPLAINT, ComplaintClass.SERVICE,
                                                                Channel.IN_PERSON, false, "cust-6", "钱七",
                                                                "13500004444", "Rude clerk", firstContactDue,
                                                                replyDue));
        if (breaking == ComplaintLimit.FIRST_CONTACT) {
            events.at("2026-12-02T00:00", new ComplaintEscalated(id, ComplaintLimit.FIRST_CONTACT, firstContactDue))
                  .at("2026-12-02T09:00", new ComplaintAcknowledged(id, "clerk-4"));
        } else {
            events.at("2026-11-30T10:00", new ComplaintAcknowledged(id, "clerk-4"));
        }
        events.at("2026-12-02T10:00", new ComplaintAssigned(id, "clerk-4", "service", "handler-1"));
        if (breaking == ComplaintLimit.REPLY) {
            events.at("2026-12-10T00:00", new ComplaintEscalated(id, ComplaintLimit.REPLY, replyDue))
                  .at("2026-12-10T09:00", new ComplaintResolved(id, "handler-1", "cust-6", "Apologised",
                                                                instant("2026-12-12T00:00")))
                  .at("2026-12-11T09:00", new CallbackRecorded(id, "clerk-4", Satisfaction.SATISFIED, "cust-6",
                                                               "ok"));
        } else {
            events.at("2026-12-03T09:00", new ComplaintResolved(id, "handler-1", "cust-6", "Apologised",
                                                                callbackDue));
            if (breaking == ComplaintLimit.CALLBACK) {
                events.at("2026-12-04T00:00", new ComplaintEscalated(id, ComplaintLimit.CALLBACK, callbackDue))
                      .at("2026-12-04T09:00", new CallbackRecorded(id, "clerk-4", Satisfaction.SATISFIED, "cust-6",
                                                                   "ok"));
            } else {
                events.at("2026-12-03T15:00", new CallbackRecorded(id, "clerk-4", Satisfaction.SATISFIED, "cust-6",
                                                                   "ok"));
            }
        }
        return events.at("2026-12-14T09:00", new ComplaintClosed(id, "clerk-4"));
    }
}
