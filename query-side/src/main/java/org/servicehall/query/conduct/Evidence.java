package org.servicehall.query.conduct;

import io.swagger.v3.oas.annotations.media.Schema;

/** An event a verdict rests on, as it sits in the event store: its aggregate's stream and its place in it. */
record Evidence(@Schema(example = "Visit") String aggregateType,
                @Schema(example = "95349b6a-a8e7-4be9-ad4b-9a77f0db98c9") String aggregateId,
                @Schema(example = "3") long sequenceNumber,
                @Schema(example = "CustomerSeenOff") String eventType) {
}
