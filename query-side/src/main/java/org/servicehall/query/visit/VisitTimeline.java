package org.servicehall.query.visit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** Everything that happened during one visit, in the order it happened. */
@Document("visit_timelines")
record VisitTimeline(@Id String visitId, String hallId, List<Entry> entries) {

    /**
     * @param eventId the event it comes from, which makes a repeated delivery recognisable
     * @param type    the event's name, e.g. {@code CustomerGreeted}
     * @param at      when it happened
     * @param staffId who did it, if staff did
     * @param summary one line for a person to read
     */
    record Entry(String eventId, String type, Instant at, String staffId, String summary) {
    }
}
