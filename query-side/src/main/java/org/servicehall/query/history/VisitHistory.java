package org.servicehall.query.history;

import java.util.List;

/**
 * A visit and everything opened during it, as recorded: the streams merged by global position, then by offset within
 * a commit (the order the event store recorded them in).
 *
 * @param members the consultations, applications, payments and complaints opened during the visit, in the order
 *                they were opened
 */
record VisitHistory(String visitId, long version, List<Member> members, int eventCount, List<HistoryEvent> events) {

    /**
     * @param aggregateType the aggregate type as stored ({@code Consultation})
     * @param resource      where its own history is read: {@code /api/history/{resource}/{aggregateId}}
     * @param version       the sequence number of its last event
     */
    record Member(String aggregateType, String resource, String aggregateId, long version) {
    }
}
