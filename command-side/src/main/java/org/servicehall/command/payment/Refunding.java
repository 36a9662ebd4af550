package org.servicehall.command.payment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.Repository;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.RefundPayment;
import org.servicehall.platform.axon.CommandTarget;
import org.springframework.stereotype.Component;

/**
 * Refunds a payment out of the refunding cashier's shift: the payment (the command's target, at the version
 * {@code If-Match} names) and the shift each decide by their own rules in this one unit of work, and their events are
 * stored together or not at all (see {@link Payment}).
 */
@Component
class Refunding {

    private final Repository<Payment> payments;
    private final Repository<CashierShift> shifts;

    Refunding(Repository<Payment> payments, Repository<CashierShift> shifts) {
        this.payments = payments;
        this.shifts = shifts;
    }

    @CommandHandler
    void handle(RefundPayment command, CommandMessage<RefundPayment> message) throws Exception {
        PaymentMethod method = CommandTarget.load(payments, message).invoke(payment -> payment.refund(command));
        shifts.loadOrCreate(command.shiftId(), CashierShift::new).execute(shift -> shift.payOut(command, method));
    }
}
