package org.servicehall.api.consultation;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ConsultationClosed(String consultationId,
                                 String staffId) {
}
