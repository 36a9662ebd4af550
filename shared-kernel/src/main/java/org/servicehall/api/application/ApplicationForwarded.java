package org.servicehall.api.application;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ApplicationForwarded(String applicationId,
                                   String staffId,
                                   String department) {
}
