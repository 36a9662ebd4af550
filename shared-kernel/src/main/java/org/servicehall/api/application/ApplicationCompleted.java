package org.servicehall.api.application;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ApplicationCompleted(String applicationId,
                                   String staffId) {
}
