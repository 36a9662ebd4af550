package org.servicehall.query.visit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.Map;

/**
 * The visits that started at one hall on one local day, each as the row search lists. Search reads the days it spans
 * by {@code _id $in}, served from the primary key on MongoDB and the embedded server alike however many months pile
 * up, and needs nothing else: reading each visit's own document instead would cost one lookup per visit.
 *
 * @param id     {@code <hallId>/<yyyy-MM-dd>}, see {@link #idOf}
 * @param visits by {@link #key} of the visit id
 */
@Document(VisitDay.COLLECTION)
record VisitDay(@Id String id, String hallId, String day, Map<String, VisitSummary> visits) {

    static final String COLLECTION = "visit_days";

    static String idOf(String hallId, LocalDate day) {
        return hallId + "/" + day;
    }

    /** A visit id as a field name: MongoDB field names may hold neither dots nor a leading dollar. */
    static String key(String visitId) {
        return visitId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
