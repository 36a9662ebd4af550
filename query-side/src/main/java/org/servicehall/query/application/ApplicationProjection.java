package org.servicehall.query.application;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.servicehall.api.application.ApplicationAccepted;
import org.servicehall.api.application.ApplicationCompleted;
import org.servicehall.api.application.ApplicationForwarded;
import org.servicehall.api.application.ApplicationRejected;
import org.servicehall.api.application.ApplicationStatus;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.application.ApplicationWithdrawn;
import org.servicehall.api.application.DocumentsVerified;
import org.servicehall.api.application.FindApplication;
import org.servicehall.api.application.ListApplications;
import org.servicehall.api.application.MissingDocumentsNotified;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.ViewCollections;
import org.servicehall.query.support.ViewDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.servicehall.platform.axon.EventTimes.happenedAt;

/** Builds business applications by status ({@link ApplicationView}) with their promised dates. */
@Component
@ProcessingGroup(ApplicationProjection.PROCESSING_GROUP)
class ApplicationProjection {

    static final String PROCESSING_GROUP = "applications";

    static final String COLLECTION = "applications";

    private final ViewCollections<ApplicationView> applications;
    private final HallTime time;

    /** The view's collections, so that it can be rebuilt while it answers. */
    @Bean
    static ViewDefinition applicationsView() {
        return new ViewDefinition(PROCESSING_GROUP, ViewCollections.collections(COLLECTION));
    }

    ApplicationProjection(MongoTemplate mongo, HallTime time) {
        this.applications = new ViewCollections<>(mongo, ApplicationView.class, COLLECTION, time,
                                                  List.of("status", "hallId", "type"));
        this.time = time;
        applications.ensureIndexes();
    }

    @EventHandler
    void on(ApplicationSubmitted event, DomainEventMessage<?> message) {
        applications.create(message, ApplicationView.submitted(event.applicationId(), event.hallId(),
                                                               event.visitId(), event.type(), happenedAt(message),
                                                               event.staffId()));
    }

    @EventHandler
    void on(MissingDocumentsNotified event, DomainEventMessage<?> message) {
        applications.update(event.applicationId(), message,
                            application -> application.missingDocuments(event.documents()));
    }

    @EventHandler
    void on(DocumentsVerified event, DomainEventMessage<?> message) {
        applications.update(event.applicationId(), message, ApplicationView::documentsVerified);
    }

    @EventHandler
    void on(ApplicationAccepted event, DomainEventMessage<?> message) {
        applications.update(event.applicationId(), message, application -> application.accepted(
                happenedAt(message), event.applicationNumber(), event.promisedCompletionDate()));
    }

    @EventHandler
    void on(ApplicationForwarded event, DomainEventMessage<?> message) {
        applications.update(event.applicationId(), message, application -> application.forwarded(event.department()));
    }

    @EventHandler
    void on(ApplicationCompleted event, DomainEventMessage<?> message) {
        close(event.applicationId(), ApplicationStatus.COMPLETED, event.staffId(), message);
    }

    @EventHandler
    void on(ApplicationRejected event, DomainEventMessage<?> message) {
        close(event.applicationId(), ApplicationStatus.REJECTED, event.staffId(), message);
    }

    @EventHandler
    void on(ApplicationWithdrawn event, DomainEventMessage<?> message) {
        close(event.applicationId(), ApplicationStatus.WITHDRAWN, event.staffId(), message);
    }

    private void close(String applicationId, ApplicationStatus status, String staffId,
                       DomainEventMessage<?> message) {
        applications.update(applicationId, message,
                            application -> application.closed(status, happenedAt(message), staffId));
    }

    @QueryHandler
    Optional<ApplicationProgress> handle(FindApplication query) {
        return Optional.ofNullable(applications.find(query.applicationId())).map(this::progress);
    }

    @QueryHandler
    Page<ApplicationProgress> handle(ListApplications query) {
        if (query.status() != null && query.status().isFinal()) {
            return applications.closed(time.archiveRange(query.hallId(), query.from(), query.to()),
                                       ViewCollections.tags("hallId", query.hallId(), "type", query.type(), "status",
                                                            query.status()),
                                       query.page(), query.size())
                               .map(this::progress);
        }
        Map<String, Object> equalTo = new HashMap<>();
        equalTo.put("status", query.status());
        equalTo.put("hallId", query.hallId());
        equalTo.put("type", query.type());
        return Page.of(applications.open(equalTo).stream().map(this::progress)
                                   .sorted(ApplicationProgress.PROMISED_FIRST).toList(),
                       query.page(), query.size());
    }

    private ApplicationProgress progress(ApplicationView view) {
        LocalDate closedOn = view.closedAt() == null ? null : time.dayOf(view.hallId(), view.closedAt());
        return ApplicationProgress.of(view, time.today(view.hallId()), closedOn);
    }

    @ResetHandler
    void reset() {
        applications.reset();
    }
}
