package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CounterCalled(String visitId,
                            String staffId,
                            String counter,
                            String ticketNumber) {
}
