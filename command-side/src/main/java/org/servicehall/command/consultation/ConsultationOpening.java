package org.servicehall.command.consultation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.servicehall.api.consultation.OpenConsultation;
import org.servicehall.command.VisitsInProgress;
import org.springframework.stereotype.Component;

/**
 * Opens a consultation, during a visit when it names one: the consultation and the visit each decide by their own
 * rules in this one unit of work (the visit first), and it records nothing unless both agree.
 */
@Component
class ConsultationOpening {

    private final Repository<Consultation> consultations;
    private final VisitsInProgress visits;

    ConsultationOpening(Repository<Consultation> consultations, VisitsInProgress visits) {
        this.consultations = consultations;
        this.visits = visits;
    }

    @CommandHandler
    String handle(OpenConsultation command) throws Exception {
        if (command.visitId() != null) {
            visits.requireInProgress(command.visitId());
        }
        return consultations.newInstance(() -> new Consultation(command)).identifierAsString();
    }
}
