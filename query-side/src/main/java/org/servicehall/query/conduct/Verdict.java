package org.servicehall.query.conduct;

import java.time.Instant;
import java.util.List;

/**
 * A rule judged once on one aggregate: passed, or a finding with its explanation. {@code id} is derived from the
 * rule, the aggregate and the occurrence, so judging again (a redelivered event, a rebuild) writes the same verdict
 * over itself.
 *
 * @param occurrence which case of the rule on the aggregate: {@code visit}, a work order's id, a refund's id...
 * @param decidedBy  the sequence number of the event whose arrival decided it
 * @param at         when that event happened in the hall; the verdict belongs to that day
 * @param staffId    the staff member responsible, when the events say who
 */
record Verdict(String id, ConductRule rule, String aggregateType, String aggregateId, String occurrence,
               boolean passed, long decidedBy, Instant at, String staffId, String explanation,
               List<Evidence> evidence) {
}
