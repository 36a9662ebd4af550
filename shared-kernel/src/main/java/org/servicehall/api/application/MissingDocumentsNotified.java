package org.servicehall.api.application;

import org.axonframework.serialization.Revision;

import java.util.List;

/** All missing documents, told to the customer once, in writing (一次性告知). */
@Revision("1")
public record MissingDocumentsNotified(String applicationId,
                                       String staffId,
                                       List<String> documents) {
}
