package org.servicehall.api.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A limit was missed: the complaint is escalated. */
@Revision("1")
public record ComplaintEscalated(String complaintId,
                                 ComplaintLimit limit,
                                 Instant dueAt) {
}
