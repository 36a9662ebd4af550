package org.servicehall.command.application;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicehall.api.BusinessType;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.application.AcceptApplication;
import org.servicehall.api.application.ApplicationAccepted;
import org.servicehall.api.application.ApplicationCompleted;
import org.servicehall.api.application.ApplicationForwarded;
import org.servicehall.api.application.ApplicationRejected;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.application.ApplicationWithdrawn;
import org.servicehall.api.application.CheckDocuments;
import org.servicehall.api.application.CompleteApplication;
import org.servicehall.api.application.DocumentsVerified;
import org.servicehall.api.application.ForwardApplication;
import org.servicehall.api.application.MissingDocumentsNotified;
import org.servicehall.api.application.RejectApplication;
import org.servicehall.api.application.SubmitApplication;
import org.servicehall.api.application.WithdrawApplication;
import org.servicehall.platform.calendar.ServiceCalendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A business application (业务受理), from submission until it is completed, withdrawn or rejected. The clerk checks
 * the documents before accepting it; what is missing is told to the customer once, all of it together (一次性告知),
 * so the customer never makes a second trip for a second list.
 */
@Aggregate
class BusinessApplication {

    private enum Stage {
        SUBMITTED, ACCEPTED, COMPLETED, WITHDRAWN, REJECTED;

        boolean ended() {
            return this == COMPLETED || this == WITHDRAWN || this == REJECTED;
        }
    }

    @AggregateIdentifier
    private String applicationId;
    private String hallId;
    private String customerId;
    private Stage stage;
    private boolean missingDocumentsNotified;
    private boolean documentsVerified;

    BusinessApplication() {
        // for Axon to rebuild the application from its events
    }

    /** One submitted during a visit is opened by {@link ApplicationSubmission}, which asks the visit too. */
    BusinessApplication(SubmitApplication command) {
        if (!acceptsType(command.type())) {
            throw new RuleViolation("not-an-application-type", command.type()
                    + " is not a business application; applications are " + applicationTypes());
        }
        if (needsAccountNumber(command.type()) && isBlank(command.accountNumber())) {
            throw new RuleViolation("account-number-required", "An application of type " + command.type()
                    + " needs the customer's account number (户号); only a new connection has none");
        }
        apply(new ApplicationSubmitted(command.applicationId(), command.visitId(), command.hallId(),
                                       command.staffId(), command.type(), command.customerId(),
                                       command.applicantName(), command.applicantPhone(), command.accountNumber()));
    }

    static boolean acceptsType(BusinessType type) {
        return type != null && type.isApplication();
    }

    static boolean needsAccountNumber(BusinessType type) {
        return type != BusinessType.NEW_CONNECTION;
    }

    static List<BusinessType> applicationTypes() {
        return Arrays.stream(BusinessType.values()).filter(BusinessType::isApplication).toList();
    }

    @CommandHandler
    void handle(CheckDocuments command) {
        requireNotEnded();
        if (documentsVerified) {
            throw new RuleViolation("documents-already-verified", "The documents of application " + applicationId
                    + " were already verified");
        }
        if (command.missingDocuments() == null || command.missingDocuments().isEmpty()) {
            apply(new DocumentsVerified(applicationId, command.staffId()));
            return;
        }
        if (missingDocumentsNotified) {
            throw new RuleViolation("missing-documents-already-notified", "The missing documents of application "
                    + applicationId + " were already told to the customer, all of them at once (一次性告知); "
                    + "a second list is not allowed");
        }
        apply(new MissingDocumentsNotified(applicationId, command.staffId(),
                                           List.copyOf(command.missingDocuments())));
    }

    /** The promised date is a day in the hall's own zone, so "today" is counted there. */
    @CommandHandler
    void handle(AcceptApplication command, ServiceCalendar calendar) {
        requireNotEnded();
        if (stage == Stage.ACCEPTED) {
            throw new RuleViolation("application-already-accepted", "Application " + applicationId
                    + " was already accepted");
        }
        if (!documentsVerified) {
            throw new RuleViolation("documents-not-verified", "Application " + applicationId
                    + " cannot be accepted before its documents are verified complete");
        }
        LocalDate today = calendar.calendar(hallId).day(GenericEventMessage.clock.instant());
        if (command.promisedCompletionDate().isBefore(today)) {
            throw new RuleViolation("promised-date-passed", "The completion date promised ("
                    + command.promisedCompletionDate() + ") is before today (" + today + ") at hall " + hallId);
        }
        apply(new ApplicationAccepted(applicationId, command.staffId(), command.applicationNumber(),
                                      command.promisedCompletionDate()));
    }

    @CommandHandler
    void handle(ForwardApplication command) {
        requireAccepted("forwarded");
        apply(new ApplicationForwarded(applicationId, command.staffId(), command.department()));
    }

    @CommandHandler
    void handle(CompleteApplication command) {
        requireAccepted("completed");
        apply(new ApplicationCompleted(applicationId, command.staffId()));
    }

    @CommandHandler
    void handle(WithdrawApplication command) {
        requireNotEnded();
        apply(new ApplicationWithdrawn(applicationId, command.staffId(), customerId, command.reason()));
    }

    @CommandHandler
    void handle(RejectApplication command) {
        requireNotEnded();
        if (isBlank(command.reason())) {
            throw new RuleViolation("rejection-reason-required", "Application " + applicationId
                    + " can only be rejected with a reason told to the customer");
        }
        apply(new ApplicationRejected(applicationId, command.staffId(), customerId, command.reason()));
    }

    private void requireAccepted(String action) {
        requireNotEnded();
        if (stage != Stage.ACCEPTED) {
            throw new RuleViolation("application-not-accepted", "Application " + applicationId
                    + " cannot be " + action + " before it is accepted");
        }
    }

    private void requireNotEnded() {
        if (stage.ended()) {
            throw new RuleViolation("application-ended", "Application " + applicationId + " was already "
                    + stage.name().toLowerCase(Locale.ROOT) + " and accepts nothing more");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(ApplicationSubmitted event) {
        applicationId = event.applicationId();
        hallId = event.hallId();
        customerId = event.customerId();
        stage = Stage.SUBMITTED;
    }

    @EventSourcingHandler
    void on(MissingDocumentsNotified event) {
        missingDocumentsNotified = true;
    }

    @EventSourcingHandler
    void on(DocumentsVerified event) {
        documentsVerified = true;
    }

    @EventSourcingHandler
    void on(ApplicationAccepted event) {
        stage = Stage.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ApplicationCompleted event) {
        stage = Stage.COMPLETED;
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawn event) {
        stage = Stage.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ApplicationRejected event) {
        stage = Stage.REJECTED;
    }
}
