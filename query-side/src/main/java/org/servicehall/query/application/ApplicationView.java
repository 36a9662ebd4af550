package org.servicehall.query.application;

import org.servicehall.api.BusinessType;
import org.servicehall.api.application.ApplicationStatus;
import org.servicehall.query.support.ViewCollections;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A business application as the hall tracks it, without the applicant's personal data. The promised date is kept as
 * its ISO text: a calendar date, not an instant, whatever zone a server runs in.
 *
 * @param missingDocuments       what was told to the customer as missing, all at once (一次性告知)
 * @param promisedCompletionDate the date promised on acceptance, e.g. {@code 2026-12-15}
 * @param closedAt               when it was completed, rejected or withdrawn
 */
record ApplicationView(@Id String id,
                       long sequence,
                       String hallId,
                       String visitId,
                       BusinessType type,
                       ApplicationStatus status,
                       Instant submittedAt,
                       String submittedBy,
                       List<String> missingDocuments,
                       String applicationNumber,
                       String promisedCompletionDate,
                       Instant acceptedAt,
                       String department,
                       Instant closedAt,
                       String closedBy) implements ViewCollections.ViewDocument<ApplicationView> {

    static ApplicationView submitted(String id, String hallId, String visitId, BusinessType type, Instant at,
                                     String staffId) {
        return new ApplicationView(id, -1, hallId, visitId, type, ApplicationStatus.SUBMITTED, at, staffId, List.of(),
                                   null, null, null, null, null, null);
    }

    ApplicationView missingDocuments(List<String> documents) {
        return new ApplicationView(id, sequence, hallId, visitId, type, ApplicationStatus.DOCUMENTS_MISSING,
                                   submittedAt, submittedBy, List.copyOf(documents), applicationNumber,
                                   promisedCompletionDate, acceptedAt, department, closedAt, closedBy);
    }

    ApplicationView documentsVerified() {
        return withStatus(ApplicationStatus.DOCUMENTS_VERIFIED);
    }

    ApplicationView accepted(Instant at, String number, LocalDate promised) {
        return new ApplicationView(id, sequence, hallId, visitId, type, ApplicationStatus.ACCEPTED, submittedAt,
                                   submittedBy, missingDocuments, number,
                                   promised == null ? null : promised.toString(), at, department, closedAt,
                                   closedBy);
    }

    ApplicationView forwarded(String toDepartment) {
        return new ApplicationView(id, sequence, hallId, visitId, type, ApplicationStatus.FORWARDED, submittedAt,
                                   submittedBy, missingDocuments, applicationNumber, promisedCompletionDate,
                                   acceptedAt, toDepartment, closedAt, closedBy);
    }

    /** Completed, rejected or withdrawn. */
    ApplicationView closed(ApplicationStatus finalStatus, Instant at, String staffId) {
        return new ApplicationView(id, sequence, hallId, visitId, type, finalStatus, submittedAt, submittedBy,
                                   missingDocuments, applicationNumber, promisedCompletionDate, acceptedAt,
                                   department, at, staffId);
    }

    LocalDate promisedDate() {
        return promisedCompletionDate == null ? null : LocalDate.parse(promisedCompletionDate);
    }

    private ApplicationView withStatus(ApplicationStatus next) {
        return new ApplicationView(id, sequence, hallId, visitId, type, next, submittedAt, submittedBy,
                                   missingDocuments, applicationNumber, promisedCompletionDate, acceptedAt,
                                   department, closedAt, closedBy);
    }

    @Override
    public ApplicationView withSequence(long sequence) {
        return new ApplicationView(id, sequence, hallId, visitId, type, status, submittedAt, submittedBy,
                                   missingDocuments, applicationNumber, promisedCompletionDate, acceptedAt,
                                   department, closedAt, closedBy);
    }

    @Override
    public Map<String, String> archiveTags() {
        return ViewCollections.tags("hallId", hallId, "type", type, "status", status);
    }
}
