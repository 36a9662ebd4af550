package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CustomerRerouted(String visitId,
                               String staffId,
                               RerouteReason reason,
                               Destination destination,
                               String counter,
                               String department) {
}
