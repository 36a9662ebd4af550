package org.servicehall.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.servicehall.platform.eventstore.EventHistory.StoredEvent;
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.CheckedTogether;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.ReadYourWrites;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Event histories for compliance staff, read from the event store exactly as recorded (never from views): one
 * aggregate's stream, whole or up to a point; a visit merged with everything opened during it; and everything
 * recorded in a time range, streamed as NDJSON.
 */
@RestController
@RequestMapping(path = "/api/history", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Histories", description = "What happened, when, and who did it: the event store as recorded")
class HistoryController {

    static final String NDJSON = "application/x-ndjson";
    private static final String INSTANT = "must be an ISO-8601 instant, e.g. 2026-11-28T00:00:00Z or "
            + "2026-11-28T08:00:00+08:00";
    /** As ids are everywhere in the API (hall ids included). */
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,127}");
    private static final Comparator<StoredEvent> RECORDED_ORDER =
            Comparator.comparingLong(StoredEvent::globalPosition).thenComparingInt(StoredEvent::commitOffset);

    private final HistoryEvents events;
    private final VisitMembersProjection members;
    private final HistoryExport export;

    HistoryController(HistoryEvents events, VisitMembersProjection members, HistoryExport export) {
        this.events = events;
        this.members = members;
        this.export = export;
    }

    @Operation(summary = "One aggregate's events as recorded, or its state as of a time or a sequence number",
            description = """
                    Every event of the aggregate in sequence order, each with its global position, offset in its \
                    commit, type, revision, payload and metadata as stored, and when it was recorded.

                    With `asOf` or `atSequence` (not both): only the events up to that point, and a `state`: the \
                    stored payloads folded in order, each top-level field with its latest value and the event that \
                    set it, and the `lifecycle` (every event type in order). `asOf` cuts by the time the event \
                    store recorded each commit (what the system knew then), not by when it happened in the hall \
                    (`occurredAt`, which a client may give up to 7 days late); it includes events recorded at that \
                    very instant. 404 if the aggregate had no event yet at that point.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = AggregateHistory.class),
            examples = {@ExampleObject(name = "whole", value = WHOLE_EXAMPLE),
                    @ExampleObject(name = "atSequence", value = STATE_EXAMPLE)}))
    @GetMapping("/{aggregateType}/{id}")
    AggregateHistory aggregate(
            @Parameter(description = "visits, consultations, applications, payments, complaints or shifts",
                    example = "payments") @PathVariable String aggregateType,
            @Parameter(example = "6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c") @PathVariable("id") UUID aggregateId,
            @ParameterObject Cut cut) {
        String id = aggregateId.toString();
        AggregateKind kind = AggregateKind.named(aggregateType, "aggregateType", "path");
        List<StoredEvent> stream = events.stream(kind, id);
        if (stream.isEmpty()) {
            throw new NotFound(kind.storedType(), id);
        }
        UnaryOperator<Object> render = events.rendererForCaller();
        if (cut.whole()) {
            return AggregateHistory.whole(kind.storedType(), id, stream.stream()
                                                                       .map(event -> events.event(event, render))
                                                                       .toList());
        }
        List<StoredEvent> upTo = stream.stream().takeWhile(cut::includes).toList();
        if (upTo.isEmpty()
                || (cut.atSequence() != null && stream.get(stream.size() - 1).sequenceNumber() < cut.atSequence())) {
            throw new NotFound(kind.storedType(), id + " " + cut);
        }
        return AggregateHistory.upTo(kind.storedType(), id, cut.asOf(), cut.atSequence(),
                                     upTo.stream().map(event -> events.event(event, render)).toList());
    }

    @Operation(summary = "A visit and everything opened during it, merged in the order recorded",
            description = """
                    The events of the visit and of every consultation, application, payment and complaint opened \
                    during it (their whole streams, also what happened after the customer left), merged by global \
                    position, then by offset within a commit. Which aggregates belong to the visit comes from a \
                    small index kept by the query side (`history-visit-members`); each member is checked against \
                    its own first event in the event store. An aggregate opened a moment ago may not be listed yet: \
                    send the command's `X-Event-Position` as `X-Await-Position` to wait for it.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = VisitHistory.class),
            examples = @ExampleObject(name = "visit", value = VISIT_EXAMPLE)))
    @ReadYourWrites(VisitMembersProjection.PROCESSING_GROUP)
    @GetMapping("/visits/{id}/all")
    VisitHistory visit(@Parameter(example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42") @PathVariable("id") UUID visitId) {
        String id = visitId.toString();
        List<StoredEvent> visit = events.stream(AggregateKind.VISITS, id);
        if (visit.isEmpty()) {
            throw new NotFound(AggregateKind.VISITS.storedType(), id);
        }
        List<List<StoredEvent>> memberStreams = members.members(id).stream()
                                                       .map(member -> memberStream(member, id))
                                                       .filter(stream -> !stream.isEmpty())
                                                       .sorted(Comparator.comparing(stream -> stream.get(0),
                                                                                    RECORDED_ORDER))
                                                       .toList();
        List<StoredEvent> merged = new ArrayList<>(visit);
        memberStreams.forEach(merged::addAll);
        merged.sort(RECORDED_ORDER);
        UnaryOperator<Object> render = events.rendererForCaller();
        List<VisitHistory.Member> listed = memberStreams.stream().map(HistoryController::member).toList();
        return new VisitHistory(id, visit.get(visit.size() - 1).sequenceNumber(), listed, merged.size(),
                                merged.stream().map(event -> events.event(event, render)).toList());
    }

    @Operation(summary = "Every event recorded in a time range, streamed as NDJSON",
            description = """
                    One JSON object per line (the events as in the other histories), in global order, for every \
                    event the event store recorded from `from` (inclusive) to `to` (exclusive), however many: the \
                    export is read window by window and sent as it is read, in constant memory, and stops when the \
                    client goes away. Filters (each repeatable; a value of any of them matches): `hall` (the \
                    `hallId` in the event's metadata: events recorded without one are left out), `aggregateType` \
                    (visits, consultations, applications, payments, complaints, shifts), `eventType` (the simple \
                    name, e.g. FeeCollected). A response cut short (a failure on our side) ends without its final \
                    chunk, so the client sees an error rather than a short file.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = NDJSON,
            schema = @Schema(type = "string", description = "NDJSON: one HistoryEvent (see its schema) per line"),
            examples = @ExampleObject(name = "two lines", value = EXPORT_EXAMPLE)))
    @GetMapping(path = "/export", produces = NDJSON)
    ResponseEntity<StreamingResponseBody> export(@ParameterObject ExportParameters parameters,
                                                 HttpServletRequest request) {
        // However long it takes: the client ends it by going away.
        WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest().setTimeout(-1L);
        HistoryExport.Range range = new HistoryExport.Range(parameters.from(), parameters.to(),
                                                            parameters.storedTypes(), parameters.eventType(),
                                                            parameters.hall());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                             .body(export.of(range, events.rendererForCaller()));
    }

    private List<StoredEvent> memberStream(VisitMembersProjection.Member member, String visitId) {
        return AggregateKind.ofStoredType(member.aggregateType())
                            .filter(AggregateKind.VISIT_MEMBERS::contains)
                            .map(kind -> events.stream(kind, member.aggregateId()))
                            .filter(stream -> !stream.isEmpty() && namesVisit(stream.get(0), visitId))
                            .orElse(List.of());
    }

    private static boolean namesVisit(StoredEvent first, String visitId) {
        return first.payload() instanceof Document payload && visitId.equals(payload.getString("visitId"));
    }

    private static VisitHistory.Member member(List<StoredEvent> stream) {
        StoredEvent first = stream.get(0);
        return new VisitHistory.Member(first.aggregateType(),
                                       AggregateKind.ofStoredType(first.aggregateType()).orElseThrow().resource(),
                                       first.aggregateIdentifier(), stream.get(stream.size() - 1).sequenceNumber());
    }

    /** The export's range and filters. */
    record ExportParameters(
            @Parameter(description = "the first instant (inclusive), ISO-8601", example = "2026-11-28T00:00:00Z",
                    required = true) Instant from,
            @Parameter(description = "the end (exclusive), ISO-8601", example = "2026-11-29T00:00:00Z",
                    required = true) Instant to,
            @Parameter(description = "a hall id (repeatable)", example = "[\"dalian-01\"]") List<@HallId String> hall,
            @Parameter(description = "an aggregate type (repeatable): visits, consultations, applications, "
                    + "payments, complaints or shifts", example = "[\"payments\"]") List<String> aggregateType,
            @Parameter(description = "an event type's simple name (repeatable)", example = "[\"FeeCollected\"]")
            List<String> eventType) implements CheckedTogether {

        ExportParameters {
            hall = Objects.requireNonNullElse(hall, List.of());
            aggregateType = Objects.requireNonNullElse(aggregateType, List.of());
            eventType = Objects.requireNonNullElse(eventType, List.of());
        }

        /** The aggregate types as the event store names them. */
        List<String> storedTypes() {
            return aggregateType.stream().map(resource -> AggregateKind.ofResource(resource).orElseThrow().storedType())
                                .toList();
        }

        @Override
        public List<InvalidField> invalidTogether(HallTime time) {
            List<InvalidField> errors = new ArrayList<>();
            if (from == null) {
                errors.add(new InvalidField("from", "query", "is required; " + INSTANT, null, null));
            }
            if (to == null) {
                errors.add(new InvalidField("to", "query", "is required; " + INSTANT, null, null));
            }
            if (from != null && to != null && !from.isBefore(to)) {
                errors.add(new InvalidField("to", "query", "must be after 'from' (" + from + "); 'to' is exclusive",
                                            to.toString(), null));
            }
            aggregateType.stream().filter(resource -> AggregateKind.ofResource(resource).isEmpty())
                         .forEach(resource -> errors.add(AggregateKind.invalid(resource, "aggregateType", "query")));
            check(eventType, "eventType", EVENT_TYPE, "must be an event type's simple name, e.g. FeeCollected",
                  errors);
            return errors;
        }

        private static void check(List<String> values, String parameter, Pattern pattern, String message,
                                  List<InvalidField> errors) {
            values.stream().filter(value -> !pattern.matcher(value).matches())
                  .forEach(value -> errors.add(new InvalidField(parameter, "query", message, value, null)));
        }
    }

    /** Where a history is cut: at a time or at a sequence number; neither for the whole history. */
    record Cut(
            @Parameter(description = "the state as of this instant (ISO-8601): the events recorded until then",
                    example = "2026-11-28T01:15:00Z") Instant asOf,
            @Parameter(description = "the state at this sequence number: the events up to and including it",
                    example = "1") @Min(value = 0, message = "must be a sequence number: a whole number, 0 or more")
            Long atSequence) implements CheckedTogether {

        boolean whole() {
            return asOf == null && atSequence == null;
        }

        @Override
        public List<InvalidField> invalidTogether(HallTime time) {
            return asOf == null || atSequence == null ? List.of() : List.of(
                    new InvalidField("asOf", "query", "give asOf or atSequence, not both", asOf.toString(), null),
                    new InvalidField("atSequence", "query", "give asOf or atSequence, not both",
                                     atSequence.toString(), null));
        }

        /**
         * Whether the stream up to this cut includes the event. Streams are cut as a prefix: in sequence order up to
         * the first event recorded after {@code asOf}, so that writers' clocks differing a little can never leave a
         * hole in what is shown.
         */
        boolean includes(StoredEvent event) {
            return asOf != null ? !event.recordedAt().isAfter(asOf) : event.sequenceNumber() <= atSequence;
        }

        @Override
        public String toString() {
            return asOf != null ? "as of " + asOf : "at sequence " + atSequence;
        }
    }

    private static final String WHOLE_EXAMPLE = """
            {"aggregateType": "Payment", "aggregateId": "6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c", "version": 1,
             "eventCount": 2,
             "events": [
              {"position": 41, "offset": 0, "aggregateType": "Payment",
               "aggregateId": "6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c", "sequence": 0,
               "eventId": "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "type": "PaymentRequested",
               "payloadType": "org.servicehall.api.payment.PaymentRequested", "revision": "1",
               "payload": {"paymentId": "6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
                           "visitId": "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42", "hallId": "dalian-01",
                           "staffId": "cashier-05", "kind": "ELECTRICITY_BILL", "amountFen": 12345,
                           "customerId": "c-0101234567", "accountNumber": "0101234567"},
               "metadata": {"staffId": "cashier-05", "hallId": "dalian-01", "clientId": "counter-terminal-3",
                            "correlationId": "9c8b7a6f-...", "occurredAt": "2026-11-28T01:10:00Z",
                            "causationId": "...", "traceId": "..."},
               "recordedAt": "2026-11-28T01:10:00.412Z", "timestamp": "2026-11-28T01:10:00.398Z",
               "occurredAt": "2026-11-28T01:10:00Z"},
              {"position": 42, "offset": 0, "sequence": 1, "type": "FeeCollected", "...": "..."}]}
            """;

    private static final String STATE_EXAMPLE = """
            {"aggregateType": "Payment", "aggregateId": "6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c", "version": 1,
             "atSequence": 1, "eventCount": 2,
             "events": [{"position": 41, "sequence": 0, "type": "PaymentRequested", "...": "..."},
                        {"position": 42, "sequence": 1, "type": "FeeCollected", "...": "..."}],
             "state": {
              "fields": {
               "paymentId": {"value": "6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c", "sequence": 1, "type": "FeeCollected",
                             "recordedAt": "2026-11-28T01:12:00.105Z"},
               "hallId": {"value": "dalian-01", "sequence": 0, "type": "PaymentRequested",
                          "recordedAt": "2026-11-28T01:10:00.412Z"},
               "amountFen": {"value": 12345, "sequence": 1, "type": "FeeCollected",
                             "recordedAt": "2026-11-28T01:12:00.105Z"},
               "method": {"value": "CASH", "sequence": 1, "type": "FeeCollected",
                          "recordedAt": "2026-11-28T01:12:00.105Z"}},
              "lifecycle": ["PaymentRequested", "FeeCollected"]}}
            """;

    private static final String VISIT_EXAMPLE = """
            {"visitId": "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42", "version": 7,
             "members": [{"aggregateType": "Consultation", "resource": "consultations",
                          "aggregateId": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", "version": 5}],
             "eventCount": 14,
             "events": [{"position": 1, "offset": 0, "aggregateType": "Visit",
                         "aggregateId": "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42", "sequence": 0,
                         "type": "VisitStarted", "...": "..."},
                        {"position": 7, "offset": 0, "aggregateType": "Consultation",
                         "aggregateId": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", "sequence": 0,
                         "type": "ConsultationOpened", "...": "..."}]}
            """;

    private static final String EXPORT_EXAMPLE = """
            {"position":41,"offset":0,"aggregateType":"Payment","aggregateId":"6f1c2a3b-...","sequence":0,\
            "eventId":"1d2c3b4a-...","type":"PaymentRequested","payloadType":"org.servicehall.api.payment.\
            PaymentRequested","revision":"1","payload":{"paymentId":"6f1c2a3b-...","amountFen":12345},\
            "metadata":{"staffId":"cashier-05","hallId":"dalian-01"},"recordedAt":"2026-11-28T01:10:00.412Z",\
            "timestamp":"2026-11-28T01:10:00.398Z","occurredAt":"2026-11-28T01:10:00Z"}
            {"position":42,"offset":0,"aggregateType":"Payment","aggregateId":"6f1c2a3b-...","sequence":1,\
            "type":"FeeCollected","...":"..."}
            """;
}
