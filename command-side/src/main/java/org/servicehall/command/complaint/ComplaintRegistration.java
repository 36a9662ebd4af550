package org.servicehall.command.complaint;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Repository;
import org.servicehall.api.complaint.RegisterComplaint;
import org.servicehall.command.VisitsInProgress;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.springframework.stereotype.Component;

/**
 * Registers a complaint, during a visit when it names one: the complaint and the visit each decide by their own rules
 * in this one unit of work (the visit first), and it records nothing (no deadline either) unless both agree.
 */
@Component
class ComplaintRegistration {

    private final Repository<Complaint> complaints;
    private final VisitsInProgress visits;

    ComplaintRegistration(Repository<Complaint> complaints, VisitsInProgress visits) {
        this.complaints = complaints;
        this.visits = visits;
    }

    @CommandHandler
    String handle(RegisterComplaint command, ServiceCalendar calendar, DeadlineManager deadlines) throws Exception {
        if (command.visitId() != null) {
            visits.requireInProgress(command.visitId());
        }
        return complaints.newInstance(() -> new Complaint(command, calendar, deadlines)).identifierAsString();
    }
}
