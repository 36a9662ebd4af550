package org.servicehall.query.payment;

import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.query.support.SequencedDocuments;
import org.springframework.data.annotation.Id;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A payment with what was collected and refunded, without the customer's account number (personal data).
 *
 * @param amountFen what was asked for
 */
record PaymentView(@Id String id,
                   long sequence,
                   String hallId,
                   String visitId,
                   PaymentKind kind,
                   long amountFen,
                   Instant requestedAt,
                   String requestedBy,
                   List<Collected> collections,
                   List<Refunded> refunds,
                   List<String> receiptNumbers) implements SequencedDocuments.Sequenced<PaymentView> {

    record Collected(String cashierId, String shiftId, PaymentMethod method, long amountFen, Long tenderedFen,
                     Long changeFen, Instant at) {
    }

    /** A refund paid out by {@code staffId} from their shift, authorised by {@code supervisorId}. */
    record Refunded(String refundId, String staffId, String supervisorId, String shiftId, PaymentMethod method,
                    long amountFen, Instant at) {
    }

    static PaymentView requested(String id, String hallId, String visitId, PaymentKind kind, long amountFen,
                                 Instant at, String staffId) {
        return new PaymentView(id, -1, hallId, visitId, kind, amountFen, at, staffId, List.of(), List.of(), List.of());
    }

    PaymentView collected(Collected collected) {
        return new PaymentView(id, sequence, hallId, visitId, kind, amountFen, requestedAt, requestedBy,
                               Stream.concat(collections.stream(), Stream.of(collected)).toList(), refunds,
                               receiptNumbers);
    }

    PaymentView refunded(Refunded refunded) {
        return new PaymentView(id, sequence, hallId, visitId, kind, amountFen, requestedAt, requestedBy, collections,
                               Stream.concat(refunds.stream(), Stream.of(refunded)).toList(), receiptNumbers);
    }

    PaymentView receiptIssued(String receiptNumber) {
        return new PaymentView(id, sequence, hallId, visitId, kind, amountFen, requestedAt, requestedBy, collections,
                               refunds, Stream.concat(receiptNumbers.stream(), Stream.of(receiptNumber)).toList());
    }

    BigInteger collectedFen() {
        return collections.stream().map(collected -> BigInteger.valueOf(collected.amountFen()))
                          .reduce(BigInteger.ZERO, BigInteger::add);
    }

    BigInteger refundedFen() {
        return refunds.stream().map(refunded -> BigInteger.valueOf(refunded.amountFen()))
                      .reduce(BigInteger.ZERO, BigInteger::add);
    }

    @Override
    public PaymentView withSequence(long sequence) {
        return new PaymentView(id, sequence, hallId, visitId, kind, amountFen, requestedAt, requestedBy, collections,
                               refunds, receiptNumbers);
    }
}
