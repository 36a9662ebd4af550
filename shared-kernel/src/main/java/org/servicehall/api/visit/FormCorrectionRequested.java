package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;

@Revision("1")
public record FormCorrectionRequested(String visitId,
                                      String staffId,
                                      String form,
                                      boolean helpOffered) {
}
