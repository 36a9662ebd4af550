package org.servicehall.api.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ApplicationAccepted(String applicationId,
                                  String staffId,
                                  String applicationNumber,
                                  LocalDate promisedCompletionDate) {
}
