package org.servicehall.query.visit;

import org.servicehall.api.BusinessType;

import java.util.Set;

/**
 * One visit as visit search lists it.
 *
 * @param day           the local date (in the hall's zone) the visit started on; a visit that runs past midnight
 *                      stays on the day it started
 * @param businessTypes what the visit was about: the need identified, the queue ticket's type, further needs, and
 *                      what was opened during it (consultation topics, application types, payments, complaints)
 * @param staffIds      the staff members who acted during the visit or opened something during it
 */
record VisitSummary(String visitId, String hallId, String day, Set<BusinessType> businessTypes, Set<String> staffIds,
                    VisitFigures figures) {
}
