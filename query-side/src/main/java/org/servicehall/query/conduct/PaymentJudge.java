package org.servicehall.query.conduct;

import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.platform.calendar.WorkingDayCalendar;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.servicehall.query.conduct.ConductRule.REFUND_AUTHORISED_WITHIN_COLLECTED;

/** Fee collection (docs/domain.md §5): refunds with a reason, authorised by a second person, within what was collected. */
final class PaymentJudge implements Judge {

    static final List<Class<?>> EVENTS = List.of(PaymentRequested.class, FeeCollected.class, PaymentRefunded.class);

    @Override
    public List<Verdict> judge(Subject payment, AuditSettings settings, WorkingDayCalendar calendar) {
        List<Verdict> verdicts = new ArrayList<>();
        List<Subject.Seen<FeeCollected>> collections = payment.all(FeeCollected.class);
        // exact: refunds recorded before amounts were bounded can add up past a long, and must still count as more
        BigInteger refunded = BigInteger.ZERO;
        for (Subject.Seen<PaymentRefunded> seen : payment.all(PaymentRefunded.class)) {
            PaymentRefunded refund = seen.event();
            refunded = refunded.add(BigInteger.valueOf(refund.amountFen()));
            List<Subject.Seen<FeeCollected>> before = collections.stream()
                    .filter(collection -> collection.sequence() < seen.sequence()).toList();
            BigInteger collected = before.stream().map(collection -> BigInteger.valueOf(collection.event().amountFen()))
                                         .reduce(BigInteger.ZERO, BigInteger::add);
            List<String> problems = new ArrayList<>();
            if (refund.supervisorId() == null || refund.supervisorId().isBlank()) {
                problems.add("no supervisor authorised it");
            } else if (refund.supervisorId().equals(refund.staffId())) {
                problems.add("it was authorised by the staff member refunding (" + refund.staffId() + ")");
            }
            if (refund.reason() == null) {
                problems.add("no reason was given");
            }
            if (refunded.compareTo(collected) > 0) {
                problems.add("refunds reach " + refunded + " fen while " + collected + " fen was collected");
            }
            if (problems.isEmpty()) {
                verdicts.add(payment.pass(REFUND_AUTHORISED_WITHIN_COLLECTED, refund.refundId(), seen.fact(),
                                          refund.staffId()));
            } else {
                List<Fact> evidence = new ArrayList<>();
                before.forEach(collection -> evidence.add(collection.fact()));
                payment.all(PaymentRefunded.class).stream().filter(other -> other.sequence() <= seen.sequence())
                       .forEach(other -> evidence.add(other.fact()));
                verdicts.add(payment.finding(REFUND_AUTHORISED_WITHIN_COLLECTED, refund.refundId(), seen.fact(),
                                             refund.staffId(), "Refund " + refund.refundId() + " of "
                                                     + refund.amountFen() + " fen: " + String.join("; ", problems),
                                             evidence));
            }
        }
        return verdicts;
    }
}
