package org.servicehall.command.application;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.servicehall.api.application.SubmitApplication;
import org.servicehall.command.VisitsInProgress;
import org.springframework.stereotype.Component;

/**
 * Submits an application, during a visit when it names one: the application and the visit each decide by their own
 * rules in this one unit of work (the visit first), and it records nothing unless both agree.
 */
@Component
class ApplicationSubmission {

    private final Repository<BusinessApplication> applications;
    private final VisitsInProgress visits;

    ApplicationSubmission(Repository<BusinessApplication> applications, VisitsInProgress visits) {
        this.applications = applications;
        this.visits = visits;
    }

    @CommandHandler
    String handle(SubmitApplication command) throws Exception {
        if (command.visitId() != null) {
            visits.requireInProgress(command.visitId());
        }
        return applications.newInstance(() -> new BusinessApplication(command)).identifierAsString();
    }
}
