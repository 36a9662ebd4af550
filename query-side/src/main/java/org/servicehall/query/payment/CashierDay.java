package org.servicehall.query.payment;

import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one cashier took in and paid out on one day (the hall's), with the shifts they worked that day; {@code _id} is
 * {@code <cashierId>/<day>}, so a day's payments are read by {@code _id} however many days pile up.
 */
record CashierDay(@Id String id, String cashierId, String day, List<Movement> movements, List<String> shiftIds) {

    enum MovementType {
        COLLECTION,
        REFUND
    }

    /**
     * Money in or out, from the event that moved it (whose id makes a repeated delivery recognisable).
     *
     * @param amountFen always positive; a refund goes out
     */
    record Movement(String eventId, MovementType type, String paymentId, String refundId, String shiftId,
                    String hallId, PaymentKind kind, PaymentMethod method, long amountFen, Instant at) {
    }

    static String id(String cashierId, LocalDate day) {
        return cashierId + "/" + day;
    }
}
