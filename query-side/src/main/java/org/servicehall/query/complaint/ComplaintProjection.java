package org.servicehall.query.complaint;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintAssigned;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintEscalated;
import org.servicehall.api.complaint.ComplaintLimitApproaching;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintReopened;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.complaint.ComplaintStatus;
import org.servicehall.api.complaint.DeadlineStanding;
import org.servicehall.api.complaint.FindComplaint;
import org.servicehall.api.complaint.FindComplaintBoard;
import org.servicehall.api.complaint.FollowUpRecorded;
import org.servicehall.api.complaint.ListComplaints;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.query.support.EventPositions;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.ServerSentEvents;
import org.servicehall.query.support.ViewCollections;
import org.servicehall.query.support.ViewDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.servicehall.platform.axon.EventTimes.happenedAt;

/**
 * Builds the complaint follow-ups ({@link ComplaintView}) and answers the board: all open complaints, nearest due
 * limit first. What is at risk or overdue is decided when the board is read, from the due times: a limit is at risk
 * from the moment the command side warns about it (its hall's {@code warning-before} ahead of the due time, see
 * {@link ServiceCalendar}). The command side's warnings and escalations are recorded too, and count as at risk or
 * overdue even if the clocks disagree.
 */
@Component
@ProcessingGroup(ComplaintProjection.PROCESSING_GROUP)
class ComplaintProjection {

    static final String PROCESSING_GROUP = "complaints";

    static final String COLLECTION = "complaints";

    private final ViewCollections<ComplaintView> complaints;
    private final HallTime time;
    private final ServiceCalendar calendar;
    private final QueryUpdateEmitter updates;

    /** The view's collections, so that it can be rebuilt while it answers. */
    @Bean
    static ViewDefinition complaintsView() {
        return new ViewDefinition(PROCESSING_GROUP, ViewCollections.collections(COLLECTION));
    }

    ComplaintProjection(MongoTemplate mongo, HallTime time, ServiceCalendar calendar, QueryUpdateEmitter updates) {
        this.complaints = new ViewCollections<>(mongo, ComplaintView.class, COLLECTION, time,
                                                List.of("status", "complaintClass", "department", "hallId"));
        this.time = time;
        this.calendar = calendar;
        this.updates = updates;
        complaints.ensureIndexes();
    }

    @EventHandler
    void on(ComplaintRegistered event, DomainEventMessage<?> message) {
        complaints.create(message, ComplaintView.registered(event, happenedAt(message)));
        publish(event.hallId(), message);
    }

    @EventHandler
    void on(ComplaintAcknowledged event, DomainEventMessage<?> message) {
        apply(event.complaintId(), message,
                          complaint -> complaint.acknowledged(happenedAt(message), event.staffId()));
    }

    @EventHandler
    void on(ComplaintAssigned event, DomainEventMessage<?> message) {
        apply(event.complaintId(), message, complaint -> complaint.assigned(
                happenedAt(message), event.staffId(), event.department(), event.handlerId()));
    }

    @EventHandler
    void on(FollowUpRecorded event, DomainEventMessage<?> message) {
        apply(event.complaintId(), message,
                          complaint -> complaint.followedUp(happenedAt(message), event.staffId()));
    }

    @EventHandler
    void on(ComplaintLimitApproaching event, DomainEventMessage<?> message) {
        apply(event.complaintId(), message,
                          complaint -> complaint.warned(happenedAt(message), event.limit(), event.dueAt()));
    }

    @EventHandler
    void on(ComplaintEscalated event, DomainEventMessage<?> message) {
        apply(event.complaintId(), message,
                          complaint -> complaint.escalated(happenedAt(message), event.limit(), event.dueAt()));
    }

    @EventHandler
    void on(ComplaintResolved event, DomainEventMessage<?> message) {
        apply(event.complaintId(), message, complaint -> complaint.resolved(
                happenedAt(message), event.staffId(), event.callbackDueAt()));
    }

    @EventHandler
    void on(CallbackRecorded event, DomainEventMessage<?> message) {
        apply(event.complaintId(), message, complaint -> complaint.calledBack(
                happenedAt(message), event.staffId(), event.satisfaction()));
    }

    @EventHandler
    void on(ComplaintReopened event, DomainEventMessage<?> message) {
        apply(event.complaintId(), message, complaint -> complaint.reopened(
                happenedAt(message), event.staffId(), event.replyDueAt()));
    }

    @EventHandler
    void on(ComplaintClosed event, DomainEventMessage<?> message) {
        apply(event.complaintId(), message,
                          complaint -> complaint.closed(happenedAt(message), event.staffId()));
    }

    private void apply(String complaintId, DomainEventMessage<?> message, UnaryOperator<ComplaintView> change) {
        publish(complaints.update(complaintId, message, change).hallId(), message);
    }

    /**
     * Sends the changed boards (the hall's, and the one of all halls) to the clients following them on this instance,
     * once the unit of work commits; clients of other instances get them when their stream re-reads (see
     * {@link ServerSentEvents}). Not during a replay, and only boards someone follows are read.
     */
    private void publish(String hallId, DomainEventMessage<?> message) {
        if (EventPositions.isReplay(message)) {
            return;
        }
        for (String board : Stream.of(hallId, null).distinct().toList()) {
            Predicate<FindComplaintBoard> followed = query -> Objects.equals(query.hallId(), board);
            if (updates.activeSubscriptions().stream().anyMatch(
                    subscription -> subscription.getPayload() instanceof FindComplaintBoard query
                            && followed.test(query))) {
                updates.emit(FindComplaintBoard.class, followed, handle(new FindComplaintBoard(board)));
            }
        }
    }

    @QueryHandler
    ComplaintBoard handle(FindComplaintBoard query) {
        return ComplaintBoard.of(query.hallId(), open(Map.of(), query.hallId(), null, time.now()));
    }

    /** The open complaints that match, as they stand at {@code now}, nearest due first. */
    private List<ComplaintFollowUp> open(Map<String, Object> filters, String hallId, DeadlineStanding deadline,
                                         Instant now) {
        Map<String, Object> equalTo = new HashMap<>(filters);
        equalTo.put("hallId", hallId);
        return complaints.open(equalTo).stream()
                         .map(view -> followUp(view, now, false))
                         .filter(complaint -> deadline == null || complaint.stands(deadline))
                         .sorted(ComplaintFollowUp.BOARD_ORDER)
                         .toList();
    }

    @QueryHandler
    Optional<ComplaintFollowUp> handle(FindComplaint query) {
        return Optional.ofNullable(complaints.find(query.complaintId()))
                       .map(view -> followUp(view, time.now(), true));
    }

    @QueryHandler
    Page<ComplaintFollowUp> handle(ListComplaints query) {
        Instant now = time.now();
        if (query.status() == ComplaintStatus.CLOSED) {
            return complaints.closed(time.archiveRange(query.hallId(), query.from(), query.to()),
                                     ViewCollections.tags("hallId", query.hallId(), "complaintClass",
                                                          query.complaintClass(), "department", query.department(),
                                                          "deadline", query.deadline()),
                                     query.page(), query.size())
                             .map(view -> followUp(view, now, false));
        }
        Map<String, Object> filters = new HashMap<>();
        filters.put("status", query.status());
        filters.put("complaintClass", query.complaintClass());
        filters.put("department", query.department());
        return Page.of(open(filters, query.hallId(), query.deadline(), now), query.page(), query.size());
    }

    private ComplaintFollowUp followUp(ComplaintView view, Instant now, boolean withHistory) {
        return ComplaintFollowUp.of(view, now, calendar.complaintTimeLimits(view.hallId()).warningBefore(),
                                    withHistory);
    }

    @ResetHandler
    void reset() {
        complaints.reset();
    }
}
