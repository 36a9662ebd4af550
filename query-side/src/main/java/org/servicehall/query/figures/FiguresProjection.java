package org.servicehall.query.figures;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintReopened;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.InquiryAnswered;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.figures.FindServiceFigures;
import org.servicehall.api.visit.AppointmentBooked;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerRerouted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.HandedOverToBackOffice;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RoutedToBackOffice;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.RoutedToDepartment;
import org.servicehall.api.visit.RoutedToSelfService;
import org.servicehall.api.visit.TransferredToDepartment;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.axon.EventTimes;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.query.support.ViewDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps the {@link FigureDay} rollups of the service figures up to date. Each aggregate's events change its
 * {@link Track} once (see {@link Tracks}); after every event, delivered for the first time or again, the track's
 * contributions are set into the rollups of their days, which is idempotent. So a redelivery changes nothing, and an
 * interruption between the two writes is repaired by the redelivery that follows it. Each figure comes from the events
 * of one aggregate, so the interleaving of visits, consultations and complaints does not matter.
 * <p>
 * Days are local dates in the hall's time zone ({@code hall.calendar.zone}, or {@code hall.calendar.halls.<id>.zone}
 * from the {@link ServiceCalendar}): a visit counts on the day it arrived, a
 * consultation on the day it was opened, a work order on the day it was completed (and, while open past its due time,
 * on its due day), a complaint on the day it was closed, a callback on the day it was recorded.
 */
@Component
@ProcessingGroup(FiguresProjection.PROCESSING_GROUP)
@EnableConfigurationProperties(FiguresProperties.class)
class FiguresProjection {

    static final String PROCESSING_GROUP = "figures";

    private final Tracks tracks;
    private final FigureDays days;
    private final FiguresProperties properties;
    private final ServiceCalendar calendar;

    /** The view's collections, so that it can be rebuilt while it answers. */
    @Bean
    static ViewDefinition figuresView() {
        return new ViewDefinition(PROCESSING_GROUP, FigureDay.COLLECTION, VisitTrack.COLLECTION,
                                  ConsultationTrack.COLLECTION, ComplaintTrack.COLLECTION);
    }

    FiguresProjection(MongoTemplate mongo, FiguresProperties properties, ServiceCalendar calendar) {
        this.tracks = new Tracks(mongo);
        this.days = new FigureDays(mongo);
        this.properties = properties;
        this.calendar = calendar;
    }

    // Visits

    @EventHandler
    void on(VisitStarted event, EventMessage<?> message, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.started(event.hallId(), day(event.hallId(), at(message))));
    }

    @EventHandler
    void on(NeedIdentified event, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.needIdentified(event.businessType()));
    }

    @EventHandler
    void on(RoutedToCounter event, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.routed(event.staffId(), Destination.COUNTER));
    }

    @EventHandler
    void on(RoutedToSelfService event, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.routed(event.staffId(), Destination.SELF_SERVICE));
    }

    @EventHandler
    void on(RoutedToBackOffice event, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.routed(event.staffId(), Destination.BACK_OFFICE));
    }

    @EventHandler
    void on(RoutedToDepartment event, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.routed(event.staffId(), Destination.OTHER_DEPARTMENT));
    }

    @EventHandler
    void on(CustomerRerouted event, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence,
              visit -> visit.rerouted(event.staffId(), event.reason(), event.destination()));
    }

    @EventHandler
    void on(QueueTicketIssued event, EventMessage<?> message, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.ticketIssued(event.businessType(), at(message)));
    }

    @EventHandler
    void on(CounterCalled event, EventMessage<?> message, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.called(event.staffId(), at(message)));
    }

    @EventHandler
    void on(HandedOverToBackOffice event, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.handedOver(event.reached()));
    }

    @EventHandler
    void on(TransferredToDepartment event, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.handedOver(event.reached()));
    }

    @EventHandler
    void on(AppointmentBooked event, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, VisitTrack::appointmentBooked);
    }

    @EventHandler
    void on(CustomerSeenOff event, EventMessage<?> message, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, visit -> visit.seenOff(at(message)));
    }

    @EventHandler
    void on(CustomerLeftWithoutService event, @SequenceNumber long sequence) {
        visit(event.visitId(), sequence, VisitTrack::leftWithoutService);
    }

    private void visit(String visitId, long sequence, Consumer<VisitTrack> change) {
        VisitTrack visit = tracks.apply(VisitTrack.class, visitId, sequence, VisitTrack::new, change);
        if (visit.hallId != null) {
            days.put(visit.hallId, visit.day, FigureDays.VISITS, visitId, visit.figures());
        }
    }

    // Consultations and their work orders

    @EventHandler
    void on(ConsultationOpened event, EventMessage<?> message, @SequenceNumber long sequence) {
        consultation(event.consultationId(), sequence,
                     consultation -> consultation.opened(event.hallId(), day(event.hallId(), at(message)),
                                                         event.topic(), event.staffId()));
    }

    @EventHandler
    void on(InquiryAnswered event, @SequenceNumber long sequence) {
        consultation(event.consultationId(), sequence, ConsultationTrack::answered);
    }

    @EventHandler
    void on(WorkOrderCreated event, @SequenceNumber long sequence) {
        consultation(event.consultationId(), sequence,
                     consultation -> consultation.workOrderCreated(event.workOrderId(), event.dueAt()));
    }

    @EventHandler
    void on(WorkOrderCompleted event, EventMessage<?> message, @SequenceNumber long sequence) {
        consultation(event.consultationId(), sequence,
                     consultation -> consultation.workOrderCompleted(event.workOrderId(), at(message)));
    }

    private void consultation(String consultationId, long sequence, Consumer<ConsultationTrack> change) {
        ConsultationTrack consultation = tracks.apply(ConsultationTrack.class, consultationId, sequence,
                                                      ConsultationTrack::new, change);
        if (consultation.hallId == null) {
            return;
        }
        days.put(consultation.hallId, consultation.day, FigureDays.CONSULTATIONS, consultationId,
                 consultation.figures());
        for (ConsultationTrack.WorkOrder workOrder : consultation.workOrders) {
            if (workOrder.dueAt != null) {
                days.put(consultation.hallId, day(consultation.hallId, workOrder.dueAt), FigureDays.WORK_ORDERS_DUE,
                         workOrder.workOrderId, consultation.figures(workOrder));
            }
            if (workOrder.completedAt != null) {
                days.put(consultation.hallId, day(consultation.hallId, workOrder.completedAt),
                         FigureDays.WORK_ORDERS_COMPLETED,
                         workOrder.workOrderId, consultation.figures(workOrder));
            }
        }
    }

    // Complaints and their callbacks

    @EventHandler
    void on(ComplaintRegistered event, @SequenceNumber long sequence) {
        complaint(event.complaintId(), sequence,
                  complaint -> complaint.registered(event.hallId(), event.staffId(), event.firstContactDueAt(),
                                                    event.replyDueAt()));
    }

    @EventHandler
    void on(ComplaintAcknowledged event, EventMessage<?> message, @SequenceNumber long sequence) {
        complaint(event.complaintId(), sequence, complaint -> complaint.contacted(at(message)));
    }

    @EventHandler
    void on(ComplaintResolved event, EventMessage<?> message, @SequenceNumber long sequence) {
        complaint(event.complaintId(), sequence,
                  complaint -> complaint.resolved(at(message), event.callbackDueAt()));
    }

    @EventHandler
    void on(CallbackRecorded event, EventMessage<?> message, @SequenceNumber long sequence) {
        complaint(event.complaintId(), sequence,
                  complaint -> complaint.calledBack(event.complaintId() + ":" + sequence,
                                                    day(complaint.hallId, at(message)), at(message),
                                                    event.satisfaction()));
    }

    @EventHandler
    void on(ComplaintReopened event, @SequenceNumber long sequence) {
        complaint(event.complaintId(), sequence, complaint -> complaint.reopened(event.replyDueAt()));
    }

    @EventHandler
    void on(ComplaintClosed event, EventMessage<?> message, @SequenceNumber long sequence) {
        complaint(event.complaintId(), sequence, complaint -> complaint.closed(day(complaint.hallId, at(message))));
    }

    private void complaint(String complaintId, long sequence, Consumer<ComplaintTrack> change) {
        ComplaintTrack complaint = tracks.apply(ComplaintTrack.class, complaintId, sequence, ComplaintTrack::new,
                                                change);
        if (complaint.hallId == null) {
            return;
        }
        for (String formerDay : complaint.formerClosedDays) {
            days.remove(complaint.hallId, formerDay, FigureDays.COMPLAINTS_CLOSED, complaintId);
        }
        if (complaint.closedDay != null) {
            days.put(complaint.hallId, complaint.closedDay, FigureDays.COMPLAINTS_CLOSED,
                     complaintId, complaint.figures());
        }
        for (ComplaintTrack.Callback callback : complaint.callbacks) {
            days.put(complaint.hallId, callback.day, FigureDays.CALLBACKS, callback.key,
                     complaint.figures(callback));
        }
    }

    private static Instant at(EventMessage<?> message) {
        return EventTimes.happenedAt(message);
    }

    /** The local date, ISO-8601, of {@code instant} at the hall; none without a hall (such things count nowhere). */
    private String day(String hallId, Instant instant) {
        return hallId == null ? null : calendar.calendar(hallId).day(instant).toString();
    }

    @QueryHandler
    ServiceFigures handle(FindServiceFigures query) {
        return FigureSheet.compute(query, days.read(query.hallId(), query.from(), query.to()),
                                   properties.waitingTarget(), calendar.calendar(query.hallId()).zone());
    }

    @ResetHandler
    void reset() {
        days.drop();
        tracks.drop(VisitTrack.class);
        tracks.drop(ConsultationTrack.class);
        tracks.drop(ComplaintTrack.class);
    }
}
