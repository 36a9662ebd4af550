package org.servicehall.api.complaint;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ComplaintAssigned(String complaintId,
                                String staffId,
                                String department,
                                String handlerId) {
}
