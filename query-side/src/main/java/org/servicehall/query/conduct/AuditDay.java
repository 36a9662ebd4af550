package org.servicehall.query.conduct;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.Map;

/**
 * One hall's verdicts of one local day, keyed by verdict id: its findings in full, its passes as rule and staff
 * member (enough for compliance rates). Reads for a date range fetch the days by {@code _id $in}, which both MongoDB
 * and the embedded server answer from the primary key however many months are stored.
 */
@Document(AuditDay.COLLECTION)
record AuditDay(@Id String id, String hallId, String day, Map<String, Finding> findings, Map<String, Pass> passes) {

    static final String COLLECTION = "audit_days";

    static String id(String hallId, LocalDate day) {
        return hallId + "/" + day;
    }

    record Pass(String rule, String staffId) {
    }
}
