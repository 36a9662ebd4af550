package org.servicehall.query.conduct;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A rule of the code of service behaviour that was not met. It names no customer: staff ids and aggregate ids only.
 *
 * @param day         the hall's local day it belongs to (that of the deciding event)
 * @param at          when the deciding event happened in the hall
 * @param staffId     the staff member responsible, when the events say who
 * @param explanation what was wrong, for a person
 * @param evidence    the events it rests on, in stream order
 */
record Finding(@Schema(example = "3f0c2b8e-6a3d-3c2e-9d1f-6c1b2a4e5f70") String id,
               @Schema(example = "belongings-reminder") String rule,
               @Schema(example = "dalian-01") String hallId,
               @Schema(example = "2026-11-28") String day,
               @Schema(example = "2026-11-28T02:12:00Z") Instant at,
               @Schema(example = "clerk-02") String staffId,
               @Schema(example = "Visit") String aggregateType,
               @Schema(example = "95349b6a-a8e7-4be9-ad4b-9a77f0db98c9") String aggregateId,
               @Schema(example = "The customer was seen off without the reminder to take their belongings")
               String explanation,
               List<Evidence> evidence) {
}
