package org.servicehall.query.visit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Everything that happened during one visit and to everything opened during it (consultations and their work orders,
 * applications, payments, complaints), in the order it happened, with the visit's figures.
 */
record VisitTimeline(@Schema(example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42") String visitId,
                     @Schema(example = "dalian-01") String hallId,
                     VisitFigures figures,
                     List<Entry> entries) {

    /**
     * @param eventId       the event it comes from, which makes a repeated delivery recognisable
     * @param position      the event's global position in the event store
     * @param aggregateType what the event happened to: {@code Visit}, {@code Consultation}, {@code Payment}...
     * @param aggregateId   the id of that visit, consultation, payment...
     * @param type          the event's name, e.g. {@code CustomerGreeted}
     * @param at            when it happened in the hall
     * @param staffId       who did it, if staff did
     * @param summary       one line for a person to read; never personal data
     */
    record Entry(@Schema(example = "5d9b8a40-1c1e-4c53-9a7e-0f5e7b3f2a11") String eventId,
                 @Schema(example = "17") long position,
                 @Schema(example = "Visit") String aggregateType,
                 @Schema(example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42") String aggregateId,
                 @Schema(example = "CustomerGreeted") String type,
                 @Schema(example = "2026-11-28T01:02:03.456Z") Instant at,
                 @Schema(example = "guide-07") String staffId,
                 @Schema(example = "Greeted by guide-07") String summary) {
    }
}
