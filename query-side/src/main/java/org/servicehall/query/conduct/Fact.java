package org.servicehall.query.conduct;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an audited aggregate, as the audit keeps it: where it sits in its stream, when it happened in the hall
 * ({@code at}) and when it was recorded, who did it, and its payload with every personal value replaced by
 * {@link Facts#RECORDED} (or left out when there was none): the audit needs to know that contact details were taken,
 * never what they were.
 *
 * @param type the event's simple name, e.g. {@code CustomerGreeted}
 */
record Fact(long sequence, String type, Instant at, Instant recordedAt, String staffId,
            Map<String, Object> payload) {
}
