package org.servicehall.api.complaint;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ComplaintAcknowledged(String complaintId,
                                    String staffId) {
}
