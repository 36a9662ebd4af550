package org.servicehall.query.payment;

import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.query.support.SequencedDocuments;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A cashier's shift: what it collected and refunded by method, and its till settlement once settled.
 *
 * @param collectedFen collected by method, before refunds
 * @param refundedFen  refunded by method
 */
record ShiftView(@Id String id,
                 long sequence,
                 String cashierId,
                 Instant firstActivityAt,
                 Instant lastActivityAt,
                 int collections,
                 int refunds,
                 Map<PaymentMethod, Long> collectedFen,
                 Map<PaymentMethod, Long> refundedFen,
                 Settlement settlement) implements SequencedDocuments.Sequenced<ShiftView> {

    /**
     * The till settlement (日结) as the command side made it.
     *
     * @param collectedFen  collected net of refunds, by method
     * @param differenceFen declared minus collected, by method
     */
    record Settlement(Map<PaymentMethod, Long> collectedFen, Map<PaymentMethod, Long> declaredFen,
                      Map<PaymentMethod, Long> differenceFen, Instant settledAt) {
    }

    static ShiftView started(String shiftId, String cashierId, Instant at) {
        return new ShiftView(shiftId, -1, cashierId, at, at, 0, 0, Map.of(), Map.of(), null);
    }

    ShiftView collected(PaymentMethod method, long amountFen, Instant at) {
        return new ShiftView(id, sequence, cashierId, firstActivityAt, at, collections + 1, refunds,
                             plus(collectedFen, method, amountFen), refundedFen, settlement);
    }

    ShiftView refunded(PaymentMethod method, long amountFen, Instant at) {
        return new ShiftView(id, sequence, cashierId, firstActivityAt, at, collections, refunds + 1, collectedFen,
                             plus(refundedFen, method, amountFen), settlement);
    }

    ShiftView settled(Settlement settled) {
        return new ShiftView(id, sequence, cashierId, firstActivityAt, settled.settledAt(), collections, refunds,
                             collectedFen, refundedFen, settled);
    }

    private static Map<PaymentMethod, Long> plus(Map<PaymentMethod, Long> amounts, PaymentMethod method, long fen) {
        Map<PaymentMethod, Long> next = new EnumMap<>(PaymentMethod.class);
        next.putAll(amounts);
        // exact: a figure that does not fit is never stored wrapped (the event fails and is dead-lettered instead);
        // the command side keeps a till's figures far inside a long
        next.merge(method, fen, Math::addExact);
        return next;
    }

    @Override
    public ShiftView withSequence(long sequence) {
        return new ShiftView(id, sequence, cashierId, firstActivityAt, lastActivityAt, collections, refunds,
                             collectedFen, refundedFen, settlement);
    }
}
