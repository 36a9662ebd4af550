package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CustomerSeenOff(String visitId,
                              String staffId,
                              boolean belongingsReminded) {
}
