package org.servicehall.query.rebuild;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.application.ApplicationAccepted;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintAssigned;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.api.consultation.ConsultationClosed;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.CustomerInformed;
import org.servicehall.api.consultation.InformMethod;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.ReceiptIssued;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.payment.TillSettled;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.VisitStarted;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Histories that reach every view: a visit during which a consultation (turned into a work order), an application, a
 * payment (into a cashier's shift, then settled) and a complaint (to closure) are opened.
 */
final class HallHistory {

    private final EventStore eventStore;
    private final Map<String, Long> sequences = new HashMap<>();

    HallHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** One such visit at the hall, starting at {@code at}; answers the visit id. */
    String visit(String hallId, Instant at) {
        String visit = UUID.randomUUID().toString();
        String consultation = UUID.randomUUID().toString();
        String application = UUID.randomUUID().toString();
        String payment = UUID.randomUUID().toString();
        String shift = UUID.randomUUID().toString();
        String complaint = UUID.randomUUID().toString();
        String workOrder = UUID.randomUUID().toString();
        String customer = "C-" + visit.substring(0, 8);
        publish("Visit", visit, at, new VisitStarted(visit, hallId),
                new CustomerGreeted(visit, "guide-7", true, true, false, false),
                new NeedIdentified(visit, "guide-7", BusinessType.NEW_CONNECTION));
        publish("Visit", visit, at.plusSeconds(60), new RoutedToCounter(visit, "guide-7", "3"),
                new QueueTicketIssued(visit, "A001", BusinessType.NEW_CONNECTION),
                new CounterCalled(visit, "clerk-2", "3", "A001"));
        publish("Consultation", consultation, at.plusSeconds(120),
                new ConsultationOpened(consultation, visit, hallId, "clerk-2", Channel.IN_PERSON,
                                       BusinessType.CONNECTION_INQUIRY, customer, null, null, "How long?"),
                new WorkOrderCreated(consultation, workOrder, "clerk-2", "marketing", at.plus(Duration.ofDays(2)),
                                     customer, "Ask marketing"));
        publish("Application", application, at.plusSeconds(180),
                new ApplicationSubmitted(application, visit, hallId, "clerk-2", BusinessType.NEW_CONNECTION, customer,
                                         "Wang Fang", "13800000000", "0101234567"),
                new ApplicationAccepted(application, "clerk-2", "YK-1", LocalDate.parse("2027-06-30")));
        publish("Payment", payment, at.plusSeconds(240),
                new PaymentRequested(payment, visit, hallId, "cashier-5", PaymentKind.BUSINESS_FEE, 5_000, customer,
                                     "0101234567"));
        publish("CashierShift", shift, at.plusSeconds(250),
                new ShiftCollectionRecorded(shift, "cashier-5", payment, PaymentMethod.CASH, 5_000));
        publish("Payment", payment, at.plusSeconds(250),
                new FeeCollected(payment, "cashier-5", shift, PaymentMethod.CASH, 5_000, 10_000L, 5_000L),
                new ReceiptIssued(payment, "cashier-5", "FP-1"));
        publish("Complaint", complaint, at.plusSeconds(300),
                new ComplaintRegistered(complaint, visit, hallId, "clerk-2", ComplaintKind.COMPLAINT,
                                        ComplaintClass.SERVICE, Channel.IN_PERSON, false, customer, "Li Lei",
                                        "13900000000", "Waited too long", at.plus(Duration.ofDays(1)),
                                        at.plus(Duration.ofDays(7))),
                new ComplaintAcknowledged(complaint, "clerk-2"));
        publish("Visit", visit, at.plusSeconds(360), new CustomerSeenOff(visit, "clerk-2", true));
        publish("Complaint", complaint, at.plus(Duration.ofHours(2)),
                new ComplaintAssigned(complaint, "supervisor-1", "marketing", "handler-4"),
                new ComplaintResolved(complaint, "handler-4", customer, "Apologised", at.plus(Duration.ofDays(1))));
        publish("Consultation", consultation, at.plus(Duration.ofHours(3)),
                new WorkOrderCompleted(consultation, workOrder, "marketing-9", "marketing", customer, "Ten days"),
                new CustomerInformed(consultation, "clerk-2", InformMethod.PHONE),
                new ConsultationClosed(consultation, "clerk-2"));
        publish("Complaint", complaint, at.plus(Duration.ofHours(4)),
                new CallbackRecorded(complaint, "clerk-3", Satisfaction.SATISFIED, customer, null),
                new ComplaintClosed(complaint, "supervisor-1"));
        publish("CashierShift", shift, at.plus(Duration.ofHours(8)),
                new TillSettled(shift, "cashier-5", Map.of(PaymentMethod.CASH, 5_000L),
                                Map.of(PaymentMethod.CASH, 5_000L), Map.of(PaymentMethod.CASH, 0L)));
        return visit;
    }

    /** One commit: the next events of one aggregate. */
    private void publish(String type, String aggregateId, Instant at, Object... payloads) {
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            long sequence = sequences.merge(aggregateId, 0L, (last, ignored) -> last + 1);
            events.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                                                       MetaData.with(MetadataKeys.OCCURRED_AT, at.toString())));
        }
        eventStore.publish(events);
    }
}
