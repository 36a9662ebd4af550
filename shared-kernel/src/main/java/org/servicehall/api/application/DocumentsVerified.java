package org.servicehall.api.application;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DocumentsVerified(String applicationId,
                                String staffId) {
}
