package org.servicehall.query.visit;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.visit.FindVisitTimeline;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.ReadYourWrites;
import org.servicehall.query.support.ServerSentEvents;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.UUID;

@RestController
@RequestMapping(path = "/api/visits", produces = MediaType.APPLICATION_JSON_VALUE)
@ReadYourWrites(VisitTimelineProjection.PROCESSING_GROUP)
class VisitTimelineController {

    private final QueryGateway queries;
    private final ServerSentEvents events;

    VisitTimelineController(QueryGateway queries, ServerSentEvents events) {
        this.queries = queries;
        this.events = events;
    }

    @Operation(summary = "A visit's timeline: every event of the visit and of everything opened during it, in order, "
            + "with the visit's figures")
    @GetMapping("/{id}/timeline")
    VisitTimeline timeline(@PathVariable UUID id) {
        return queries.query(new FindVisitTimeline(id.toString()),
                             ResponseTypes.optionalInstanceOf(VisitTimeline.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Visit", id.toString()));
    }

    @Operation(summary = "Follow a visit's timeline live (Server-Sent Events): event 'initial' with the timeline, "
            + "then event 'update' with the whole timeline after each change")
    @GetMapping(path = "/{id}/timeline", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> follow(@PathVariable UUID id) {
        return events.stream(new FindVisitTimeline(id.toString()), ResponseTypes.optionalInstanceOf(VisitTimeline.class),
                             VisitTimeline.class, () -> new NotFound("Visit", id.toString()));
    }
}
