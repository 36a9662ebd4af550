package org.servicehall.query.payment;

import org.servicehall.api.payment.PaymentKind;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * A payment as a supervisor reads it.
 *
 * @param amountFen    what was asked for
 * @param netFen       what the utility keeps: collected minus refunded (summed exactly, as the refunds are)
 */
record PaymentDetails(String paymentId,
                      String hallId,
                      String visitId,
                      PaymentKind kind,
                      Status status,
                      long amountFen,
                      BigInteger collectedFen,
                      BigInteger refundedFen,
                      BigInteger netFen,
                      Instant requestedAt,
                      String requestedBy,
                      List<PaymentView.Collected> collections,
                      List<PaymentView.Refunded> refunds,
                      List<String> receiptNumbers) {

    enum Status {
        REQUESTED,
        COLLECTED,
        PARTLY_REFUNDED,
        REFUNDED
    }

    static PaymentDetails of(PaymentView view) {
        BigInteger collected = view.collectedFen();
        BigInteger refunded = view.refundedFen();
        Status status = collected.signum() == 0 ? Status.REQUESTED
                : refunded.signum() == 0 ? Status.COLLECTED
                : refunded.compareTo(collected) < 0 ? Status.PARTLY_REFUNDED : Status.REFUNDED;
        return new PaymentDetails(view.id(), view.hallId(), view.visitId(), view.kind(), status, view.amountFen(),
                                  collected, refunded, collected.subtract(refunded), view.requestedAt(), view.requestedBy(),
                                  view.collections(), view.refunds(), view.receiptNumbers());
    }
}
