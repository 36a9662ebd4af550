package org.servicehall.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A limit is about to be missed: a warning. */
@Revision("1")
public record ComplaintLimitApproaching(String complaintId,
                                        ComplaintLimit limit,
                                        Instant dueAt) {
}
