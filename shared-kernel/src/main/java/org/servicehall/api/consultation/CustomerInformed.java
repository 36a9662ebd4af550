package org.servicehall.api.consultation;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CustomerInformed(String consultationId,
                               String staffId,
                               InformMethod method) {
}
