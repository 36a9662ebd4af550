package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CustomerLeftWithoutService(String visitId,
                                         String staffId) {
}
