package org.servicehall.query.visit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.servicehall.api.application.ApplicationAccepted;
import org.servicehall.api.application.ApplicationCompleted;
import org.servicehall.api.application.ApplicationForwarded;
import org.servicehall.api.application.ApplicationRejected;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.application.ApplicationWithdrawn;
import org.servicehall.api.application.DocumentsVerified;
import org.servicehall.api.application.MissingDocumentsNotified;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintAssigned;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintEscalated;
import org.servicehall.api.complaint.ComplaintLimitApproaching;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintReopened;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.complaint.FollowUpRecorded;
import org.servicehall.api.consultation.ConsultationClosed;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.CustomerInformed;
import org.servicehall.api.consultation.InquiryAnswered;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.consultation.WorkOrderDueSoon;
import org.servicehall.api.consultation.WorkOrderOverdue;
import org.servicehall.api.consultation.WorkOrderReminded;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.ReceiptIssued;
import org.servicehall.api.visit.AppointmentBooked;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerRerouted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.FindVisitTimeline;
import org.servicehall.api.visit.FormCorrectionRequested;
import org.servicehall.api.visit.HandedOverToBackOffice;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.OtherNeedsChecked;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RoutedToBackOffice;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.RoutedToDepartment;
import org.servicehall.api.visit.RoutedToSelfService;
import org.servicehall.api.visit.TransferredToDepartment;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.axon.EventTimes;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.query.support.EventPositions;
import org.servicehall.query.support.ViewDefinition;
import org.servicehall.query.support.ViewUpdates;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Builds {@link VisitTimeline}s from the events of visits and of everything opened during them.
 * <p>
 * Only the first event of a consultation, application, payment or complaint names its visit; the projection remembers
 * it in {@link TimelineMember}. That is safe because this processing group keeps Axon's default sequencing, per
 * aggregate: an aggregate's later events are handled in the same segment, after its first one, so the membership is
 * always known by then. An aggregate without a membership was opened outside a visit (a phone call) and is ignored.
 * Events of different aggregates may still be handled out of their global order (in different segments): every write
 * is a commutative, per-event update of the visit's document, and entries are ordered when read.
 * <p>
 * Delivery is at least once (the embedded server has no transactions to tie a view's write to its token), so an entry
 * is added only if no entry of the same event is there yet.
 */
@Component
@ProcessingGroup(VisitTimelineProjection.PROCESSING_GROUP)
class VisitTimelineProjection {

    static final String PROCESSING_GROUP = "visit-timeline";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;
    private final ServiceCalendar calendar;

    /** The view's collections, so that it can be rebuilt while it answers. */
    @Bean
    static ViewDefinition visitTimelineView() {
        return new ViewDefinition(PROCESSING_GROUP, TimelineDocument.COLLECTION, TimelineMember.COLLECTION);
    }

    VisitTimelineProjection(MongoTemplate mongo, QueryUpdateEmitter updates, ServiceCalendar calendar) {
        this.mongo = mongo;
        this.updates = updates;
        this.calendar = calendar;
        ensureIndexes();
    }

    /** For a real MongoDB; the embedded server ignores non-unique indexes. Lookups here are all by {@code _id}. */
    private void ensureIndexes() {
        mongo.indexOps(TimelineMember.class).createIndex(new Index("visitId", Sort.Direction.ASC));
    }

    // ------------------------------------------------------------------------------------------------- the visit

    @EventHandler
    void on(VisitStarted event, EventMessage<?> message) {
        record(event.visitId(), message, null, "Visit started at hall " + event.hallId(), event.hallId());
    }

    @EventHandler
    void on(CustomerGreeted event, EventMessage<?> message) {
        String weather = !event.conditionsRecorded() ? "; weather and floor not recorded"
                : (event.rainy() ? (event.umbrellaStandShown() ? "; rainy, umbrella stand shown"
                : "; rainy, umbrella stand NOT shown") : "")
                + (event.wetFloor() ? (event.wetFloorSignShown() ? "; wet floor, caution sign out"
                : "; wet floor, caution sign NOT out") : "");
        record(event.visitId(), message, event.staffId(), "Greeted by " + event.staffId() + weather);
    }

    @EventHandler
    void on(NeedIdentified event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(), "Need identified: " + event.businessType());
    }

    @EventHandler
    void on(RoutedToCounter event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(),
               "Routed to counter " + event.counter() + " by " + event.staffId());
    }

    @EventHandler
    void on(RoutedToSelfService event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(), "Routed to a self-service terminal by " + event.staffId());
    }

    @EventHandler
    void on(RoutedToBackOffice event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(), "Routed to the back office by " + event.staffId());
    }

    @EventHandler
    void on(RoutedToDepartment event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(),
               "Routed to department " + event.department() + " by " + event.staffId());
    }

    @EventHandler
    void on(CustomerRerouted event, EventMessage<?> message) {
        String to = switch (event.destination()) {
            case COUNTER -> "counter " + event.counter();
            case SELF_SERVICE -> "a self-service terminal";
            case BACK_OFFICE -> "the back office";
            case OTHER_DEPARTMENT -> "department " + event.department();
        };
        String why = switch (event.reason()) {
            case WRONG_JUDGEMENT -> "the first routing was a wrong judgement (routing error)";
            case NEED_CHANGED -> "the customer's need changed";
            case SERVICE_UNAVAILABLE -> "the destination could not serve";
        };
        record(event.visitId(), message, event.staffId(), "Re-routed to " + to + ": " + why);
    }

    @EventHandler
    void on(QueueTicketIssued event, EventMessage<?> message) {
        record(event.visitId(), message, null,
               "Queue ticket " + event.ticketNumber() + " issued for " + event.businessType());
    }

    @EventHandler
    void on(CounterCalled event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(), "Ticket " + event.ticketNumber() + " called to counter "
                + event.counter());
    }

    @EventHandler
    void on(FormCorrectionRequested event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(), "Form " + event.form() + " handed back for correction"
                + (event.helpOffered() ? ", help offered" : ", no help offered"));
    }

    @EventHandler
    void on(HandedOverToBackOffice event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(), "Handed over to the back office ("
                + event.method().name().toLowerCase() + ")" + reached(event.reached()));
    }

    @EventHandler
    void on(TransferredToDepartment event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(), "Transferred to department " + event.department() + " ("
                + event.method().name().toLowerCase() + ")" + reached(event.reached()));
    }

    @EventHandler
    void on(AppointmentBooked event, EventMessage<?> message) {
        // without a department the appointment is with the back office (the hand-over that reached nobody was to it)
        String with = event.department() != null ? event.department() : "the back office";
        record(event.visitId(), message, event.staffId(), "Appointment booked with " + with + " for "
                + local(event.appointmentAt(), hallOf(event.visitId())));
    }

    @EventHandler
    void on(OtherNeedsChecked event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(), event.furtherNeeds()
                ? "Asked about other needs: " + event.nextBusinessType() : "Asked about other needs: none");
    }

    @EventHandler
    void on(CustomerSeenOff event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(), "Seen off by " + event.staffId()
                + (event.belongingsReminded() ? ", reminded of belongings" : ", NOT reminded of belongings"));
    }

    @EventHandler
    void on(CustomerLeftWithoutService event, EventMessage<?> message) {
        record(event.visitId(), message, event.staffId(), "Left without being served");
    }

    // -------------------------------------------------------------------------------- consultations, work orders

    @EventHandler
    void on(ConsultationOpened event, EventMessage<?> message) {
        if (join(event.consultationId(), event.visitId(), event.hallId())) {
            record(event.visitId(), message, event.staffId(), "Consultation opened on " + event.topic() + " ("
                    + event.channel() + ")");
        }
    }

    @EventHandler
    void on(InquiryAnswered event, EventMessage<?> message) {
        recordMember(event.consultationId(), message, event.staffId(), "Question answered on the spot");
    }

    @EventHandler
    void on(WorkOrderCreated event, EventMessage<?> message) {
        recordMember(event.consultationId(), message, event.staffId(), hall -> "Work order " + event.workOrderId()
                + " sent to " + event.department() + ", due " + local(event.dueAt(), hall));
    }

    @EventHandler
    void on(WorkOrderReminded event, EventMessage<?> message) {
        recordMember(event.consultationId(), message, event.staffId(), "Work order " + event.workOrderId()
                + (event.staffId() == null ? " chased automatically" : " chased by " + event.staffId()));
    }

    @EventHandler
    void on(WorkOrderDueSoon event, EventMessage<?> message) {
        recordMember(event.consultationId(), message, null, hall -> "Work order " + event.workOrderId()
                + " due soon, at " + local(event.dueAt(), hall));
    }

    @EventHandler
    void on(WorkOrderOverdue event, EventMessage<?> message) {
        recordMember(event.consultationId(), message, null, hall -> "Work order " + event.workOrderId()
                + " overdue since " + local(event.dueAt(), hall));
    }

    @EventHandler
    void on(WorkOrderCompleted event, EventMessage<?> message) {
        recordMember(event.consultationId(), message, event.staffId(), "Work order " + event.workOrderId()
                + " completed by " + event.department());
    }

    @EventHandler
    void on(CustomerInformed event, EventMessage<?> message) {
        recordMember(event.consultationId(), message, event.staffId(), "Customer told the answer ("
                + event.method() + ")");
    }

    @EventHandler
    void on(ConsultationClosed event, EventMessage<?> message) {
        recordMember(event.consultationId(), message, event.staffId(), "Consultation closed");
    }

    // -------------------------------------------------------------------------------------------- applications

    @EventHandler
    void on(ApplicationSubmitted event, EventMessage<?> message) {
        if (join(event.applicationId(), event.visitId(), event.hallId())) {
            record(event.visitId(), message, event.staffId(), "Application for " + event.type() + " submitted");
        }
    }

    @EventHandler
    void on(MissingDocumentsNotified event, EventMessage<?> message) {
        recordMember(event.applicationId(), message, event.staffId(), "Customer told in writing of "
                + event.documents().size() + " missing document(s)");
    }

    @EventHandler
    void on(DocumentsVerified event, EventMessage<?> message) {
        recordMember(event.applicationId(), message, event.staffId(), "Documents verified");
    }

    @EventHandler
    void on(ApplicationAccepted event, EventMessage<?> message) {
        recordMember(event.applicationId(), message, event.staffId(), "Application accepted as "
                + event.applicationNumber() + ", completion promised by " + event.promisedCompletionDate());
    }

    @EventHandler
    void on(ApplicationForwarded event, EventMessage<?> message) {
        recordMember(event.applicationId(), message, event.staffId(), "Application forwarded to "
                + event.department());
    }

    @EventHandler
    void on(ApplicationCompleted event, EventMessage<?> message) {
        recordMember(event.applicationId(), message, event.staffId(), "Application completed");
    }

    @EventHandler
    void on(ApplicationRejected event, EventMessage<?> message) {
        recordMember(event.applicationId(), message, event.staffId(), "Application rejected");
    }

    @EventHandler
    void on(ApplicationWithdrawn event, EventMessage<?> message) {
        recordMember(event.applicationId(), message, event.staffId(), "Application withdrawn");
    }

    // ------------------------------------------------------------------------------------------------ payments

    @EventHandler
    void on(PaymentRequested event, EventMessage<?> message) {
        if (join(event.paymentId(), event.visitId(), event.hallId())) {
            record(event.visitId(), message, event.staffId(), "Payment of " + yuan(event.amountFen()) + " requested ("
                    + event.kind() + ")");
        }
    }

    @EventHandler
    void on(FeeCollected event, EventMessage<?> message) {
        recordMember(event.paymentId(), message, event.staffId(), "Collected " + yuan(event.amountFen()) + " by "
                + event.method() + (event.changeFen() != null && event.changeFen() > 0
                ? ", change " + yuan(event.changeFen()) : ""));
    }

    @EventHandler
    void on(ReceiptIssued event, EventMessage<?> message) {
        recordMember(event.paymentId(), message, event.staffId(), "Receipt " + event.receiptNumber() + " issued");
    }

    @EventHandler
    void on(PaymentRefunded event, EventMessage<?> message) {
        recordMember(event.paymentId(), message, event.staffId(), "Refunded " + yuan(event.amountFen()) + " by "
                + event.method() + ", authorised by " + event.supervisorId());
    }

    // ---------------------------------------------------------------------------------------------- complaints

    @EventHandler
    void on(ComplaintRegistered event, EventMessage<?> message) {
        if (join(event.complaintId(), event.visitId(), event.hallId())) {
            record(event.visitId(), message, event.staffId(), event.kind() + " registered (" + event.complaintClass()
                    + ", " + event.channel() + (event.anonymous() ? ", anonymous" : "") + ")");
        }
    }

    @EventHandler
    void on(ComplaintAcknowledged event, EventMessage<?> message) {
        recordMember(event.complaintId(), message, event.staffId(), "Complainant contacted");
    }

    @EventHandler
    void on(ComplaintAssigned event, EventMessage<?> message) {
        recordMember(event.complaintId(), message, event.staffId(), "Complaint assigned to " + event.department()
                + ", handler " + event.handlerId());
    }

    @EventHandler
    void on(FollowUpRecorded event, EventMessage<?> message) {
        recordMember(event.complaintId(), message, event.staffId(), "Complaint followed up");
    }

    @EventHandler
    void on(ComplaintLimitApproaching event, EventMessage<?> message) {
        recordMember(event.complaintId(), message, null, hall -> "Complaint " + event.limit()
                + " limit approaching, due " + local(event.dueAt(), hall));
    }

    @EventHandler
    void on(ComplaintEscalated event, EventMessage<?> message) {
        recordMember(event.complaintId(), message, null, hall -> "Complaint escalated: " + event.limit()
                + " limit missed (due " + local(event.dueAt(), hall) + ")");
    }

    @EventHandler
    void on(ComplaintResolved event, EventMessage<?> message) {
        recordMember(event.complaintId(), message, event.staffId(), "Complaint resolved, handling opinion given");
    }

    @EventHandler
    void on(CallbackRecorded event, EventMessage<?> message) {
        recordMember(event.complaintId(), message, event.staffId(), "Customer called back: "
                + event.satisfaction());
    }

    @EventHandler
    void on(ComplaintReopened event, EventMessage<?> message) {
        recordMember(event.complaintId(), message, event.staffId(), "Complaint reopened");
    }

    @EventHandler
    void on(ComplaintClosed event, EventMessage<?> message) {
        recordMember(event.complaintId(), message, event.staffId(), "Complaint closed");
    }

    // ---------------------------------------------------------------------------------------------- the view

    @QueryHandler
    Optional<VisitTimeline> handle(FindVisitTimeline query) {
        return Optional.ofNullable(mongo.findById(query.visitId(), TimelineDocument.class))
                       .map(TimelineDocument::timeline);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(TimelineDocument.class);
        mongo.dropCollection(TimelineMember.class);
        ensureIndexes();
    }

    /** Remembers that an aggregate was opened during a visit; false if it was opened outside any visit. */
    private boolean join(String aggregateId, String visitId, String hallId) {
        if (visitId == null) {
            return false;
        }
        mongo.save(new TimelineMember(aggregateId, visitId, hallId));
        return true;
    }

    private void recordMember(String aggregateId, EventMessage<?> message, String staffId, String summary) {
        recordMember(aggregateId, message, staffId, hall -> summary);
    }

    /** @param summary the summary, given the hall (whose zone local times are told in) */
    private void recordMember(String aggregateId, EventMessage<?> message, String staffId,
                              Function<String, String> summary) {
        TimelineMember member = mongo.findById(aggregateId, TimelineMember.class);
        if (member != null) {
            record(member.visitId(), message, staffId, summary.apply(member.hallId()));
        }
    }

    private String hallOf(String visitId) {
        Query byId = query(where("_id").is(visitId));
        byId.fields().include("hallId");
        TimelineDocument timeline = mongo.findOne(byId, TimelineDocument.class);
        return timeline == null ? null : timeline.hallId();
    }

    private void record(String visitId, EventMessage<?> message, String staffId, String summary) {
        record(visitId, message, staffId, summary, null);
    }

    private void record(String visitId, EventMessage<?> message, String staffId, String summary, String hallId) {
        DomainEventMessage<?> domainEvent = message instanceof DomainEventMessage<?> d ? d : null;
        VisitTimeline.Entry entry = new VisitTimeline.Entry(
                message.getIdentifier(), EventPositions.positionOf(message),
                domainEvent == null ? null : domainEvent.getType(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                message.getPayloadType().getSimpleName(), EventTimes.happenedAt(message), staffId, summary);
        Update update = new Update().push("entries", entry);
        VisitMoment.of(message).ifPresent(moment -> update.push("moments", moment));
        if (hallId != null) {
            update.set("hallId", hallId);
        }
        boolean added = ViewUpdates.applyOnce(mongo, TimelineDocument.class, visitId, "entries.eventId",
                                              message.getIdentifier(), update,
                                              () -> new TimelineDocument(visitId, null, List.of(), List.of()));
        if (added && !EventPositions.isReplay(message)) {
            publish(visitId);
        }
    }

    /**
     * Sends the changed timeline to the clients following it on this instance. Updates are sent after the unit of
     * work commits; clients following it on another instance catch up by re-reading (see ServerSentEvents).
     */
    private void publish(String visitId) {
        boolean followed = updates.activeSubscriptions().stream().anyMatch(
                subscription -> subscription.getPayload() instanceof FindVisitTimeline query
                        && query.visitId().equals(visitId));
        if (followed) {
            handle(new FindVisitTimeline(visitId)).ifPresent(
                    timeline -> updates.emit(FindVisitTimeline.class, query -> query.visitId().equals(visitId),
                                             timeline));
        }
    }

    /** A time as people in the hall read it. */
    private String local(Instant instant, String hallId) {
        // an unknown hall (which the order of events rules out) gets the common calendar
        ZoneId zone = calendar.calendar(Objects.requireNonNullElse(hallId, "")).zone();
        return instant == null ? "(no time)" : LOCAL_TIME.withZone(zone).format(instant);
    }

    private static String reached(boolean reached) {
        return reached ? ", someone was reached" : ", nobody reached: contact details recorded";
    }

    private static String yuan(long fen) {
        return String.format("%d.%02d CNY", fen / 100, Math.abs(fen % 100));
    }
}
