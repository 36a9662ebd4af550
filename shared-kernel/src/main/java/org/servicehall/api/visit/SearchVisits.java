package org.servicehall.api.visit;

import org.servicehall.api.BusinessType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Query: the visits that arrived at the given halls on the given days (local dates in the hall's zone, both
 * inclusive), filtered, sorted and paged. A null filter matches every visit.
 *
 * @param businessType a business type the visit was about (its need, its ticket, or what was opened during it)
 * @param staffId      a staff member who acted during the visit
 * @param minWait      the least waiting time (ticket to counter call); visits that did not wait never match
 * @param routingError whether the visit had a routing error (a re-routing for a wrong judgement)
 * @param page         0-based
 */
public record SearchVisits(List<String> hallIds,
                           LocalDate from,
                           LocalDate to,
                           BusinessType businessType,
                           String staffId,
                           VisitOutcome outcome,
                           Duration minWait,
                           Boolean routingError,
                           Order order,
                           boolean descending,
                           int page,
                           int size) {

    /** What the visits can be sorted by; visits lacking the figure come last either way. */
    public enum Order {
        ARRIVED_AT,
        WAITING_TIME,
        SERVICE_TIME,
        TIME_IN_HALL
    }
}
