package org.servicehall.query.visit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** Everything that happened during one visit, in the order it happened. */
@Document("visit_timelines")
record VisitTimeline(@Id @Schema(example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42") String visitId,
                     @Schema(example = "dalian-01") String hallId,
                     List<Entry> entries) {

    /**
     * @param eventId the event it comes from, which makes a repeated delivery recognisable
     * @param type    the event's name, e.g. {@code CustomerGreeted}
     * @param at      when it happened
     * @param staffId who did it, if staff did
     * @param summary one line for a person to read
     */
    record Entry(@Schema(example = "5d9b8a40-1c1e-4c53-9a7e-0f5e7b3f2a11") String eventId,
                 @Schema(example = "CustomerGreeted") String type,
                 @Schema(example = "2026-11-28T01:02:03.456Z") Instant at,
                 @Schema(example = "guide-07") String staffId,
                 @Schema(example = "Greeted by guide-07") String summary) {
    }
}
