package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CustomerGreeted(String visitId,
                              String staffId,
                              boolean rainy,
                              boolean umbrellaStandShown,
                              boolean wetFloor,
                              boolean wetFloorSignShown) {
}
