package org.servicehall.query.payment;

import org.servicehall.api.payment.PaymentKind;

import java.time.Instant;
import java.util.List;

/**
 * A payment as a supervisor reads it.
 *
 * @param amountFen    what was asked for
 * @param netFen       what the utility keeps: collected minus refunded
 */
record PaymentDetails(String paymentId,
                      String hallId,
                      String visitId,
                      PaymentKind kind,
                      Status status,
                      long amountFen,
                      long collectedFen,
                      long refundedFen,
                      long netFen,
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
        long collected = view.collectedFen();
        long refunded = view.refundedFen();
        Status status = collected == 0 ? Status.REQUESTED
                : refunded == 0 ? Status.COLLECTED
                : refunded < collected ? Status.PARTLY_REFUNDED : Status.REFUNDED;
        return new PaymentDetails(view.id(), view.hallId(), view.visitId(), view.kind(), status, view.amountFen(),
                                  collected, refunded, collected - refunded, view.requestedAt(), view.requestedBy(),
                                  view.collections(), view.refunds(), view.receiptNumbers());
    }
}
