package org.servicehall.query.complaint;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
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
import org.servicehall.api.complaint.FindComplaint;
import org.servicehall.api.complaint.FollowUpRecorded;
import org.servicehall.api.complaint.ListComplaints;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.ViewCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final ViewCollections<ComplaintView> complaints;
    private final HallTime time;
    private final ServiceCalendar calendar;

    ComplaintProjection(MongoTemplate mongo, HallTime time, ServiceCalendar calendar) {
        this.complaints = new ViewCollections<>(mongo, ComplaintView.class, "complaints", time,
                                                List.of("status", "complaintClass", "department", "hallId"));
        this.time = time;
        this.calendar = calendar;
        complaints.ensureIndexes();
    }

    @EventHandler
    void on(ComplaintRegistered event, DomainEventMessage<?> message) {
        complaints.create(message, ComplaintView.registered(event, happenedAt(message)));
    }

    @EventHandler
    void on(ComplaintAcknowledged event, DomainEventMessage<?> message) {
        complaints.update(event.complaintId(), message,
                          complaint -> complaint.acknowledged(happenedAt(message), event.staffId()));
    }

    @EventHandler
    void on(ComplaintAssigned event, DomainEventMessage<?> message) {
        complaints.update(event.complaintId(), message, complaint -> complaint.assigned(
                happenedAt(message), event.staffId(), event.department(), event.handlerId()));
    }

    @EventHandler
    void on(FollowUpRecorded event, DomainEventMessage<?> message) {
        complaints.update(event.complaintId(), message,
                          complaint -> complaint.followedUp(happenedAt(message), event.staffId()));
    }

    @EventHandler
    void on(ComplaintLimitApproaching event, DomainEventMessage<?> message) {
        complaints.update(event.complaintId(), message,
                          complaint -> complaint.warned(happenedAt(message), event.limit(), event.dueAt()));
    }

    @EventHandler
    void on(ComplaintEscalated event, DomainEventMessage<?> message) {
        complaints.update(event.complaintId(), message,
                          complaint -> complaint.escalated(happenedAt(message), event.limit(), event.dueAt()));
    }

    @EventHandler
    void on(ComplaintResolved event, DomainEventMessage<?> message) {
        complaints.update(event.complaintId(), message, complaint -> complaint.resolved(
                happenedAt(message), event.staffId(), event.callbackDueAt()));
    }

    @EventHandler
    void on(CallbackRecorded event, DomainEventMessage<?> message) {
        complaints.update(event.complaintId(), message, complaint -> complaint.calledBack(
                happenedAt(message), event.staffId(), event.satisfaction()));
    }

    @EventHandler
    void on(ComplaintReopened event, DomainEventMessage<?> message) {
        complaints.update(event.complaintId(), message, complaint -> complaint.reopened(
                happenedAt(message), event.staffId(), event.replyDueAt()));
    }

    @EventHandler
    void on(ComplaintClosed event, DomainEventMessage<?> message) {
        complaints.update(event.complaintId(), message,
                          complaint -> complaint.closed(happenedAt(message), event.staffId()));
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
        Map<String, Object> equalTo = new HashMap<>();
        equalTo.put("status", query.status());
        equalTo.put("complaintClass", query.complaintClass());
        equalTo.put("department", query.department());
        equalTo.put("hallId", query.hallId());
        return Page.of(complaints.open(equalTo).stream()
                                 .map(view -> followUp(view, now, false))
                                 .filter(complaint -> query.deadline() == null || complaint.stands(query.deadline()))
                                 .sorted(ComplaintFollowUp.BOARD_ORDER)
                                 .toList(),
                       query.page(), query.size());
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
