package org.servicehall.command.payment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.servicehall.api.payment.RequestPayment;
import org.servicehall.command.VisitsInProgress;
import org.springframework.stereotype.Component;

/**
 * Requests a payment, during a visit when it names one: the payment and the visit each decide by their own rules in
 * this one unit of work (the visit first), and it records nothing unless both agree.
 */
@Component
class PaymentRequesting {

    private final Repository<Payment> payments;
    private final VisitsInProgress visits;

    PaymentRequesting(Repository<Payment> payments, VisitsInProgress visits) {
        this.payments = payments;
        this.visits = visits;
    }

    @CommandHandler
    String handle(RequestPayment command) throws Exception {
        if (command.visitId() != null) {
            visits.requireInProgress(command.visitId());
        }
        return payments.newInstance(() -> new Payment(command)).identifierAsString();
    }
}
