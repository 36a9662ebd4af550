package org.servicehall.command.payment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.Repository;
import org.servicehall.api.payment.CollectFee;
import org.servicehall.platform.axon.CommandTarget;
import org.springframework.stereotype.Component;

/**
 * Collects a fee into the cashier's shift: the payment (the command's target, at the version {@code If-Match} names)
 * and the shift (opened by its first collection or refund) each decide by their own rules in this one unit of work,
 * and their events are stored together or not at all (see {@link Payment}).
 */
@Component
class FeeCollection {

    private final Repository<Payment> payments;
    private final Repository<CashierShift> shifts;

    FeeCollection(Repository<Payment> payments, Repository<CashierShift> shifts) {
        this.payments = payments;
        this.shifts = shifts;
    }

    @CommandHandler
    void handle(CollectFee command, CommandMessage<CollectFee> message) throws Exception {
        CommandTarget.load(payments, message).execute(payment -> payment.collect(command));
        shifts.loadOrCreate(command.shiftId(), CashierShift::new).execute(shift -> shift.count(command));
    }
}
