package org.servicehall.query.application;

import org.servicehall.api.BusinessType;
import org.servicehall.api.application.ApplicationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * An application as a supervisor reads it.
 *
 * @param late open after its promised date (in the hall's days), or completed after it
 */
record ApplicationProgress(String applicationId,
                           String hallId,
                           String visitId,
                           BusinessType type,
                           ApplicationStatus status,
                           Instant submittedAt,
                           String submittedBy,
                           List<String> missingDocuments,
                           String applicationNumber,
                           LocalDate promisedCompletionDate,
                           boolean late,
                           Instant acceptedAt,
                           String department,
                           Instant closedAt,
                           String closedBy) {

    /** Earliest promised date first; those without one (not accepted yet) after, oldest first. */
    static final Comparator<ApplicationProgress> PROMISED_FIRST = Comparator
            .comparing((ApplicationProgress application) -> application.promisedCompletionDate() == null
                    ? LocalDate.MAX : application.promisedCompletionDate())
            .thenComparing(ApplicationProgress::submittedAt)
            .thenComparing(ApplicationProgress::applicationId);

    /**
     * @param today    the hall's today
     * @param closedOn the hall's day the application closed on, if it did
     */
    static ApplicationProgress of(ApplicationView view, LocalDate today, LocalDate closedOn) {
        LocalDate promised = view.promisedDate();
        boolean late = promised != null && (view.status() == ApplicationStatus.COMPLETED ? closedOn.isAfter(promised)
                : !view.status().isFinal() && today.isAfter(promised));
        return new ApplicationProgress(view.id(), view.hallId(), view.visitId(), view.type(), view.status(),
                                       view.submittedAt(), view.submittedBy(), view.missingDocuments(),
                                       view.applicationNumber(), promised, late, view.acceptedAt(), view.department(),
                                       view.closedAt(), view.closedBy());
    }
}
