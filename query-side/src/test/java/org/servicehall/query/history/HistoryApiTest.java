package org.servicehall.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.InquiryAnswered;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.mongo.JsonBson;
import org.servicehall.platform.personaldata.PersonalDataVault;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Histories over HTTP, against events appended to the event store as the command side appends them (a command's
 * events in one commit) and the raw documents the store holds.
 */
@QuerySideTest
class HistoryApiTest {

    private static final String HALL = "hall-h";
    private static final String COMPLIANCE = "compliance";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    SequencedEventStorageEngine engine;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PersonalDataVault vault;

    // ------------------------------------------------------------------------------------------------ helpers

    /** Appends the events as one unit of work (one commit per aggregate) and answers the last position used. */
    private long append(EventMessage<?>... events) {
        eventStore.publish(events);
        return engine.headPosition();
    }

    private static GenericDomainEventMessage<?> event(String type, String id, long sequence, Object payload,
                                                      String staffId, String occurredAt) {
        MetaData metaData = MetaData.with(MetadataKeys.HALL_ID, HALL)
                                    .and(MetadataKeys.CLIENT_ID, "counter-terminal-3")
                                    .and(MetadataKeys.CORRELATION_ID, "corr-" + id)
                                    .and(MetadataKeys.OCCURRED_AT, occurredAt);
        return new GenericDomainEventMessage<>(type, id, sequence, payload,
                                               staffId == null ? metaData : metaData.and(MetadataKeys.STAFF_ID,
                                                                                         staffId));
    }

    /** A GET as compliance staff, who may read histories. */
    private HttpResponse<String> get(String path, String... headers) {
        return getAs(COMPLIANCE, path, headers);
    }

    /** A GET as one of the test users (password = name), or anonymously for a null user. */
    private HttpResponse<String> getAs(String user, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", HallClient.authorization(user));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    private JsonNode ok(String path, String... headers) {
        HttpResponse<String> response = get(path, headers);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return body(response);
    }

    private List<JsonNode> lines(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(HistoryController.NDJSON);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isEmpty()) {
                try {
                    lines.add(json.readTree(line));
                } catch (IOException e) {
                    throw new IllegalStateException(line, e);
                }
            }
        }
        assertThat(response.body()).matches(body -> body.isEmpty() || body.endsWith("\n"), "ends each line");
        return lines;
    }

    private static String encoded(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    private static List<String> types(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false).map(event -> event.get("type").asText()).toList();
    }

    private static Instant recordedAt(JsonNode event) {
        return Instant.parse(event.get("recordedAt").asText());
    }

    /** Waits until the store's clock has moved past {@code instant}, so the next commit is recorded later. */
    private static void after(Instant instant) {
        await().until(() -> Instant.now().isAfter(instant));
    }

    /** A visit with a need identified, a counter call without a ticket (a null field), and a see-off. */
    private String visit(String... staff) {
        String visit = UUID.randomUUID().toString();
        append(event("Visit", visit, 0, new VisitStarted(visit, HALL), null, "2026-11-28T01:00:00Z"));
        append(event("Visit", visit, 1, new NeedIdentified(visit, "guide-07", BusinessType.BILL_PAYMENT),
                     "guide-07", "2026-11-28T01:01:00Z"),
               event("Visit", visit, 2, new CounterCalled(visit, "clerk-02", "3", null), "clerk-02",
                     "2026-11-28T01:02:00Z"));
        append(event("Visit", visit, 3, new CustomerSeenOff(visit, "clerk-02", true), "clerk-02",
                     "2026-11-28T01:20:00Z"));
        return visit;
    }

    private String payment() {
        String payment = UUID.randomUUID().toString();
        append(event("Payment", payment, 0, new PaymentRequested(payment, null, HALL, "cashier-05",
                                                                 PaymentKind.BUSINESS_FEE, 100L, "C-1", null),
                     "cashier-05", "2026-11-28T02:00:00Z"));
        return payment;
    }

    // --------------------------------------------------------------------------------------- one aggregate

    @Test
    void anAggregatesHistoryIsExactlyWhatTheStoreHoldsMetadataAndNullsIncluded() throws IOException {
        String visit = visit();

        JsonNode history = ok("/api/history/visits/" + visit);

        assertThat(history.get("aggregateType").asText()).isEqualTo("Visit");
        assertThat(history.get("aggregateId").asText()).isEqualTo(visit);
        assertThat(history.get("version").asLong()).isEqualTo(3);
        assertThat(history.get("eventCount").asInt()).isEqualTo(4);
        assertThat(history.has("state")).isFalse();
        JsonNode events = history.get("events");
        assertThat(types(events)).containsExactly("VisitStarted", "NeedIdentified", "CounterCalled",
                                                  "CustomerSeenOff");
        List<Document> commits = mongo.find(query(where("events.aggregateIdentifier").is(visit)), Document.class,
                                            "events");
        commits.sort((a, b) -> Long.compare(a.get("globalIndex", Number.class).longValue(),
                                            b.get("globalIndex", Number.class).longValue()));
        assertThat(commits).hasSize(3);
        int index = 0;
        for (Document commit : commits) {
            List<Document> stored = commit.getList("events", Document.class);
            for (int offset = 0; offset < stored.size(); offset++, index++) {
                Document raw = stored.get(offset);
                JsonNode event = events.get(index);
                assertThat(event.get("position").asLong()).isEqualTo(commit.get("globalIndex", Number.class)
                                                                           .longValue());
                assertThat(event.get("offset").asInt()).isEqualTo(offset);
                assertThat(event.get("aggregateType").asText()).isEqualTo(raw.getString("aggregateType"));
                assertThat(event.get("aggregateId").asText()).isEqualTo(visit);
                assertThat(event.get("sequence").asLong()).isEqualTo(raw.get("sequenceNumber", Number.class)
                                                                        .longValue());
                assertThat(event.get("eventId").asText()).isEqualTo(raw.getString("eventIdentifier"));
                assertThat(event.get("payloadType").asText()).isEqualTo(raw.getString("payloadType"));
                assertThat(event.get("revision").asText()).isEqualTo(raw.getString("payloadRevision"));
                assertThat(event.get("payload")).isEqualTo(json.readTree(JsonBson.toJson(raw.get("payload"))));
                assertThat(event.get("metadata")).isEqualTo(json.readTree(JsonBson.toJson(raw.get("metaData"))));
                assertThat(recordedAt(event)).isEqualTo(commit.getDate("recordedAt").toInstant());
                assertThat(Instant.parse(event.get("timestamp").asText()))
                        .isEqualTo(Instant.parse(raw.getString("timestamp")));
                assertThat(event.get("occurredAt").asText()).isEqualTo(raw.get("metaData", Document.class)
                                                                          .getString("occurredAt"));
            }
        }
        // one command's events share a commit: same position, offsets 0 and 1
        assertThat(events.get(1).get("position")).isEqualTo(events.get(2).get("position"));
        assertThat(events.get(2).get("offset").asInt()).isEqualTo(1);
        // a null recorded is a null shown; the metadata is all there
        assertThat(events.get(2).get("payload").has("ticketNumber")).isTrue();
        assertThat(events.get(2).get("payload").get("ticketNumber").isNull()).isTrue();
        assertThat(events.get(2).get("metadata").get("staffId").asText()).isEqualTo("clerk-02");
        assertThat(events.get(2).get("metadata").get("clientId").asText()).isEqualTo("counter-terminal-3");
        assertThat(events.get(0).get("metadata").has("staffId")).isFalse();
    }

    @Test
    void theStateAsOfASequenceOrATimeFoldsTheEventsUpToThatPoint() {
        String payment = UUID.randomUUID().toString();
        String shift = UUID.randomUUID().toString();
        append(event("Payment", payment, 0, new PaymentRequested(payment, null, HALL, "cashier-05",
                                                                 PaymentKind.ELECTRICITY_BILL, 12_345L, "C-1",
                                                                 "0101234567"), "cashier-05",
                     "2026-11-28T01:10:00Z"));
        Instant requested = recordedAt(ok("/api/history/payments/" + payment).get("events").get(0));
        after(requested);
        append(event("Payment", payment, 1, new FeeCollected(payment, "cashier-06", shift, PaymentMethod.CASH,
                                                             12_345L, 20_000L, 7_655L), "cashier-06",
                     "2026-11-28T01:12:00Z"),
               event("CashierShift", shift, 0, new ShiftCollectionRecorded(shift, "cashier-06", payment,
                                                                         PaymentMethod.CASH, 12_345L),
                     "cashier-06", "2026-11-28T01:12:00Z"));

        JsonNode atZero = ok("/api/history/payments/" + payment + "?atSequence=0");
        JsonNode atOne = ok("/api/history/payments/" + payment + "?atSequence=1");
        JsonNode asOfRequest = ok("/api/history/payments/" + payment + "?asOf=" + encoded(requested));
        JsonNode asOfLater = ok("/api/history/payments/" + payment + "?asOf=" + encoded(Instant.now()));
        JsonNode inShanghaiTime = ok("/api/history/payments/" + payment + "?asOf="
                                             + encoded(requested.atOffset(java.time.ZoneOffset.ofHours(8))));

        assertThat(atZero.get("atSequence").asLong()).isZero();
        assertThat(atZero.get("version").asLong()).isZero();
        assertThat(atZero.get("eventCount").asInt()).isEqualTo(1);
        assertThat(atZero.get("state").get("lifecycle")).hasSize(1);
        assertThat(atZero.get("state").get("fields").get("staffId").get("value").asText()).isEqualTo("cashier-05");
        assertThat(atZero.get("state").get("fields").has("method")).isFalse();
        assertThat(asOfRequest.get("asOf").asText()).isEqualTo(requested.toString());
        assertThat(asOfRequest.get("events")).isEqualTo(atZero.get("events"));
        assertThat(asOfRequest.get("state")).isEqualTo(atZero.get("state"));
        assertThat(inShanghaiTime.get("state")).isEqualTo(atZero.get("state"));

        JsonNode state = atOne.get("state");
        assertThat(atOne.get("version").asLong()).isEqualTo(1);
        assertThat(types(atOne.get("events"))).containsExactly("PaymentRequested", "FeeCollected");
        assertThat(state.get("lifecycle").toString()).isEqualTo("[\"PaymentRequested\",\"FeeCollected\"]");
        JsonNode staff = state.get("fields").get("staffId");
        assertThat(staff.get("value").asText()).isEqualTo("cashier-06");
        assertThat(staff.get("sequence").asLong()).isEqualTo(1);
        assertThat(staff.get("type").asText()).isEqualTo("FeeCollected");
        JsonNode hall = state.get("fields").get("hallId");
        assertThat(hall.get("value").asText()).isEqualTo(HALL);
        assertThat(hall.get("sequence").asLong()).isZero();
        assertThat(hall.get("type").asText()).isEqualTo("PaymentRequested");
        assertThat(recordedAt(hall)).isEqualTo(requested);
        assertThat(state.get("fields").get("changeFen").get("value").asLong()).isEqualTo(7_655);
        assertThat(asOfLater.get("state")).isEqualTo(state);
        // the shift's event was recorded in the same unit of work, in a stream of its own: one commit, next to it
        JsonNode counted = ok("/api/history/shifts/" + shift).get("events").get(0);
        assertThat(counted.get("position").asLong()).isEqualTo(atOne.get("events").get(1).get("position").asLong());
        assertThat(counted.get("offset").asInt()).isEqualTo(atOne.get("events").get(1).get("offset").asInt() + 1);
    }

    @Test
    void aCutBeforeTheFirstEventOrPastTheLastIsNotFound() {
        String visit = visit();
        Instant started = recordedAt(ok("/api/history/visits/" + visit).get("events").get(0));

        HttpResponse<String> before = get("/api/history/visits/" + visit + "?asOf="
                                                  + encoded(started.minusMillis(1)));
        HttpResponse<String> past = get("/api/history/visits/" + visit + "?atSequence=4");

        assertThat(before.statusCode()).isEqualTo(404);
        assertThat(body(before).get("detail").asText()).contains(visit, "as of");
        assertThat(past.statusCode()).isEqualTo(404);
        assertThat(past.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(past).get("detail").asText()).contains("at sequence 4");
    }

    @Test
    void anUnknownIdOrAnIdOfAnotherTypeIsNotFound() {
        String visit = visit();

        HttpResponse<String> unknown = get("/api/history/visits/" + UUID.randomUUID());
        HttpResponse<String> otherType = get("/api/history/payments/" + visit);
        HttpResponse<String> unknownVisit = get("/api/history/visits/" + UUID.randomUUID() + "/all");
        HttpResponse<String> visitsOfAPayment = get("/api/history/visits/" + payment() + "/all");

        for (HttpResponse<String> response : List.of(unknown, otherType, unknownVisit, visitsOfAPayment)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(body(otherType).get("detail").asText()).isEqualTo("Payment " + visit + " does not exist");
    }

    @Test
    void badParametersAreBadRequestsNamingThem() {
        String visit = visit();

        JsonNode unknownType = body(get("/api/history/customers/" + visit));
        JsonNode both = body(get("/api/history/visits/" + visit + "?asOf=2026-11-28T00:00:00Z&atSequence=1"));
        JsonNode badTime = body(get("/api/history/visits/" + visit + "?asOf=yesterday"));
        HttpResponse<String> emptyTime = get("/api/history/visits/" + visit + "?asOf=");
        JsonNode negative = body(get("/api/history/visits/" + visit + "?atSequence=-1"));
        JsonNode typo = body(get("/api/history/visits/" + visit + "?asof=2026-11-28T00:00:00Z"));

        assertThat(unknownType.get("status").asInt()).isEqualTo(400);
        JsonNode error = unknownType.get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("aggregateType");
        assertThat(error.get("in").asText()).isEqualTo("path");
        assertThat(error.get("allowedValues").toString())
                .isEqualTo("[\"visits\",\"consultations\",\"applications\",\"payments\",\"complaints\",\"shifts\"]");
        assertThat(both.get("errors")).extracting(field -> field.get("field").asText())
                                      .containsExactly("asOf", "atSequence");
        assertThat(badTime.get("status").asInt()).isEqualTo(400);
        assertThat(badTime.get("errors").get(0).get("field").asText()).isEqualTo("asOf");
        assertThat(emptyTime.statusCode()).as("a blank parameter is an absent one: the whole history")
                                          .isEqualTo(200);
        assertThat(negative.get("errors").get(0).get("field").asText()).isEqualTo("atSequence");
        assertThat(typo.get("errors").get(0).get("field").asText()).isEqualTo("asof");
    }

    // ------------------------------------------------------------------------------------ a visit, merged

    @Test
    void aVisitIsMergedWithWhatWasOpenedDuringItInTheOrderRecorded() {
        String visit = UUID.randomUUID().toString();
        String consultation = UUID.randomUUID().toString();
        String payment = UUID.randomUUID().toString();
        String byPhone = UUID.randomUUID().toString();
        String otherVisitsComplaint = UUID.randomUUID().toString();
        String otherVisit = UUID.randomUUID().toString();
        append(event("Visit", visit, 0, new VisitStarted(visit, HALL), null, "2026-11-28T01:00:00Z"));
        append(event("Visit", otherVisit, 0, new VisitStarted(otherVisit, HALL), null, "2026-11-28T01:00:00Z"));
        append(event("Consultation", consultation, 0, new ConsultationOpened(
                consultation, visit, HALL, "clerk-02", Channel.IN_PERSON, BusinessType.BILLING_INQUIRY, "C-1", null,
                null, "Why did my bill double?"), "clerk-02", "2026-11-28T01:05:00Z"));
        append(event("Consultation", byPhone, 0, new ConsultationOpened(
                byPhone, null, HALL, "clerk-02", Channel.PHONE, BusinessType.BILLING_INQUIRY, "C-2", null, null,
                "A call"), "clerk-02", "2026-11-28T01:06:00Z"));
        append(event("Payment", payment, 0, new PaymentRequested(payment, visit, HALL, "cashier-05",
                                                                 PaymentKind.ELECTRICITY_BILL, 500L, "C-1",
                                                                 "0101234567"), "cashier-05",
                     "2026-11-28T01:07:00Z"));
        append(event("Complaint", otherVisitsComplaint, 0, new ComplaintRegistered(
                otherVisitsComplaint, otherVisit, HALL, "clerk-02", ComplaintKind.OPINION, ComplaintClass.SERVICE,
                Channel.IN_PERSON, true, "C-3", null, null, "Too cold", Instant.parse("2026-11-30T00:00:00Z"),
                Instant.parse("2026-12-07T00:00:00Z")), "clerk-02", "2026-11-28T01:07:30Z"));
        append(event("Consultation", consultation, 1, new InquiryAnswered(consultation, "clerk-02", "C-1", "Tariff"),
                     "clerk-02", "2026-11-28T01:08:00Z"),
               event("Visit", visit, 1, new CustomerSeenOff(visit, "clerk-02", true), "clerk-02",
                     "2026-11-28T01:09:00Z"));
        long last = append(event("Payment", payment, 1, new FeeCollected(payment, "cashier-05",
                                                                         UUID.randomUUID().toString(),
                                                                         PaymentMethod.QR_CODE, 500L, null, null),
                                 "cashier-05", "2026-11-28T01:30:00Z"));

        JsonNode history = ok("/api/history/visits/" + visit + "/all", "X-Await-Position", Long.toString(last));

        assertThat(history.get("visitId").asText()).isEqualTo(visit);
        assertThat(history.get("version").asLong()).isEqualTo(1);
        assertThat(history.get("members")).extracting(member -> member.get("aggregateId").asText())
                                          .containsExactly(consultation, payment);
        assertThat(history.get("members").get(0).get("resource").asText()).isEqualTo("consultations");
        assertThat(history.get("members").get(1).get("aggregateType").asText()).isEqualTo("Payment");
        assertThat(history.get("members").get(1).get("version").asLong()).isEqualTo(1);
        JsonNode events = history.get("events");
        assertThat(history.get("eventCount").asInt()).isEqualTo(6).isEqualTo(events.size());
        assertThat(types(events)).containsExactly("VisitStarted", "ConsultationOpened", "PaymentRequested",
                                                  "InquiryAnswered", "CustomerSeenOff", "FeeCollected");
        List<long[]> order = StreamSupport.stream(events.spliterator(), false)
                                          .map(event -> new long[]{event.get("position").asLong(),
                                                  event.get("offset").asLong()})
                                          .toList();
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i)[0] > order.get(i - 1)[0]
                               || (order.get(i)[0] == order.get(i - 1)[0] && order.get(i)[1] > order.get(i - 1)[1]))
                    .as("event %d follows event %d", i, i - 1).isTrue();
        }
        // the consultation's answer and the see-off were one unit of work, two aggregates: one commit
        assertThat(events.get(4).get("position").asLong()).isEqualTo(events.get(3).get("position").asLong());
        assertThat(events.get(4).get("offset").asInt()).isEqualTo(1);
        assertThat(events.get(5).get("position").asLong()).isEqualTo(last);
        // each member's own history is the part of the merged one that is its
        JsonNode paymentHistory = ok("/api/history/payments/" + payment).get("events");
        assertThat(List.of(events.get(2), events.get(5))).containsExactly(paymentHistory.get(0),
                                                                          paymentHistory.get(1));
    }

    @Test
    void aMembershipTheStoreDoesNotConfirmIsLeftOut() {
        String visit = visit();
        String strangers = visit();
        mongo.upsert(query(where("_id").is(visit)), new org.springframework.data.mongodb.core.query.Update()
                .addToSet("members", new Document("aggregateType", "Visit").append("aggregateId", strangers)),
                     VisitMembersProjection.COLLECTION);

        JsonNode history = ok("/api/history/visits/" + visit + "/all");

        assertThat(history.get("members")).isEmpty();
        assertThat(history.get("eventCount").asInt()).isEqualTo(4);
    }

    // ----------------------------------------------------------------------------------------------- export

    @Test
    void anExportStreamsTheRangeWithToExclusiveAndTheFiltersApplied() {
        String first = visit();
        Instant from = recordedAt(ok("/api/history/visits/" + first).get("events").get(0));
        String payment = payment();
        String elsewhere = UUID.randomUUID().toString();
        append(new GenericDomainEventMessage<>("Visit", elsewhere, 0, new VisitStarted(elsewhere, "hall-x"),
                                               MetaData.with(MetadataKeys.HALL_ID, "hall-x")));
        Instant last = recordedAt(ok("/api/history/visits/" + elsewhere).get("events").get(0));
        after(last);
        String later = visit();
        Instant to = recordedAt(ok("/api/history/visits/" + later).get("events").get(0));
        String range = "from=" + encoded(from) + "&to=" + encoded(to);

        List<JsonNode> all = lines(get("/api/history/export?" + range));
        List<JsonNode> paymentsAndSeeOffs = lines(get("/api/history/export?" + range
                                                              + "&aggregateType=payments&aggregateType=visits"
                                                              + "&eventType=PaymentRequested"
                                                              + "&eventType=CustomerSeenOff"));
        List<JsonNode> ofHall = lines(get("/api/history/export?" + range + "&hall=hall-x"));
        List<JsonNode> upToTheLastIncluded = lines(get("/api/history/export?from=" + encoded(from) + "&to="
                                                               + encoded(last.plusMillis(1))));

        // other tests' events may be recorded in the same range: look at this test's aggregates only
        List<String> mine = List.of(first, payment, elsewhere);
        assertThat(all.stream().filter(line -> mine.contains(line.get("aggregateId").asText())).map(
                line -> line.get("type").asText()))
                .containsExactly("VisitStarted", "NeedIdentified", "CounterCalled", "CustomerSeenOff",
                                 "PaymentRequested", "VisitStarted");
        assertThat(all).noneMatch(line -> line.get("aggregateId").asText().equals(later));
        assertThat(all).extracting(line -> line.get("position").asLong()).isSorted();
        assertThat(all).allSatisfy(line -> assertThat(recordedAt(line)).isBetween(from, to.minusMillis(1)));
        assertThat(all.stream().filter(line -> line.get("aggregateId").asText().equals(first)).findFirst())
                .hasValue(ok("/api/history/visits/" + first).get("events").get(0));
        assertThat(paymentsAndSeeOffs.stream().filter(line -> mine.contains(line.get("aggregateId").asText()))
                                     .map(line -> line.get("type").asText()))
                .containsExactly("CustomerSeenOff", "PaymentRequested");
        assertThat(ofHall).extracting(line -> line.get("aggregateId").asText()).containsExactly(elsewhere);
        assertThat(upToTheLastIncluded).extracting(line -> line.get("aggregateId").asText()).contains(elsewhere)
                                       .doesNotContain(later);
        assertThat(lines(get("/api/history/export?from=" + encoded(to.plusSeconds(3600)) + "&to="
                                     + encoded(to.plusSeconds(7200))))).isEmpty();
    }

    @Test
    void aBadExportRequestIsABadRequestNamingEveryBadParameter() {
        JsonNode missing = body(get("/api/history/export"));
        JsonNode wrong = body(get("/api/history/export?from=2026-11-29T00:00:00Z&to=2026-11-28T00:00:00Z"
                                          + "&aggregateType=customers&eventType=no%20such&hall=%24where"));
        JsonNode malformed = body(get("/api/history/export?from=today&to=2026-11-28T00:00:00Z&customer=Wang"));
        HttpResponse<String> accept = get("/api/history/export?from=today", "Accept", "application/x-ndjson");

        assertThat(missing.get("status").asInt()).isEqualTo(400);
        assertThat(missing.get("errors")).extracting(error -> error.get("field").asText())
                                         .containsExactly("from", "to");
        assertThat(wrong.get("errors")).extracting(error -> error.get("field").asText())
                                       .containsExactly("to", "hall", "aggregateType", "eventType");
        assertThat(wrong.get("errors").get(2).get("allowedValues")).hasSize(6);
        assertThat(malformed.get("errors")).extracting(error -> error.get("field").asText())
                                           .containsExactly("from", "customer");
        assertThat(accept.statusCode()).isEqualTo(400);
        assertThat(accept.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    // ---------------------------------------------------------------------- who reads, and the record of it

    @Test
    void onlyComplianceStaffReadHistoriesAndEveryReadIsRecorded() {
        Instant start = Instant.now();
        String visit = visit();
        Instant from = recordedAt(ok("/api/history/visits/" + visit).get("events").get(0));
        List<String> reads = List.of("/api/history/visits/" + visit,
                                     "/api/history/visits/" + visit + "?atSequence=1",
                                     "/api/history/visits/" + visit + "/all",
                                     "/api/history/export?from=" + encoded(from) + "&to="
                                             + encoded(from.plusSeconds(1)) + "&hall=" + HALL);

        for (String read : reads) {
            HttpResponse<String> anonymous = getAs(null, read);
            HttpResponse<String> analyst = getAs("analyst", read);
            HttpResponse<String> supervisor = getAs("supervisor", read);
            HttpResponse<String> admin = getAs("admin", read);
            HttpResponse<String> compliance = getAs(COMPLIANCE, read);

            assertThat(anonymous.statusCode()).as(read).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"service-hall\"");
            for (HttpResponse<String> refused : List.of(analyst, supervisor, admin)) {
                assertThat(refused.statusCode()).as(read).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.body()).doesNotContain(visit + "\",\"sequence");
            }
            assertThat(compliance.statusCode()).as(read + ": " + compliance.body()).isEqualTo(200);
            assertThat(compliance.body()).contains("\"aggregateId\":\"" + visit + "\"");
        }

        List<JsonNode> recorded = StreamSupport.stream(
                ok("/api/history/access-log?from=" + encoded(start)).get("entries").spliterator(), false).toList();
        // other tests read histories meanwhile: look at this test's reads only
        List<JsonNode> mine = recorded.stream()
                                      .filter(entry -> reads.stream()
                                                            .anyMatch(read -> entry.get("what").asText()
                                                                                   .equals("GET " + read)))
                                      .toList();
        assertThat(mine).extracting(entry -> entry.get("what").asText())
                        .as("each read by compliance staff once (the first also before), none refused")
                        .containsExactlyInAnyOrder("GET " + reads.get(0), "GET " + reads.get(0),
                                                   "GET " + reads.get(1), "GET " + reads.get(2),
                                                   "GET " + reads.get(3));
        assertThat(mine).allSatisfy(entry -> {
            assertThat(entry.get("user").asText()).isEqualTo(COMPLIANCE);
            assertThat(entry.get("roles").toString()).isEqualTo("[\"COMPLIANCE\"]");
            assertThat(Instant.parse(entry.get("at").asText())).isBetween(start.minusMillis(1), Instant.now());
        });
    }

    @Test
    void personalDataIsShownInClearToComplianceStaffUntilTheCustomerIsErased() throws IOException {
        String customer = "C-" + UUID.randomUUID();
        String visit = UUID.randomUUID().toString();
        String payment = UUID.randomUUID().toString();
        Instant before = Instant.now();
        append(event("Visit", visit, 0, new VisitStarted(visit, HALL), null, "2026-11-28T01:00:00Z"));
        long last = append(event("Payment", payment, 0, new PaymentRequested(payment, visit, HALL, "cashier-05",
                                                                            PaymentKind.ELECTRICITY_BILL, 500L,
                                                                            customer, "0101234567"),
                                 "cashier-05", "2026-11-28T01:07:00Z"));
        Document stored = mongo.findOne(query(where("streams").is(payment + ":0")), Document.class, "events")
                               .getList("events", Document.class).get(0).get("payload", Document.class);
        assertThat(stored.getString("accountNumber")).as("sealed in the store")
                                                     .startsWith("pd:v1:" + customer + ":")
                                                     .doesNotContain("0101234567");
        ObjectNode inClear = (ObjectNode) json.readTree(JsonBson.toJson(stored));
        inClear.put("accountNumber", "0101234567");
        ObjectNode erased = inClear.deepCopy().put("accountNumber", PersonalDataVault.ERASED);
        String exportOfPayments = "/api/history/export?from=" + encoded(before)
                                  + "&to=" + encoded(Instant.now().plusSeconds(60)) + "&aggregateType=payments";

        assertThat(paymentPayloads(payment, last, exportOfPayments))
                .as("the stored payload exactly, the sealed value opened").containsOnly(inClear);
        assertThat(ok("/api/history/payments/" + payment + "?atSequence=0").get("state").get("fields")
                           .get("accountNumber").get("value").asText()).isEqualTo("0101234567");

        vault.erase(customer);

        assertThat(paymentPayloads(payment, last, exportOfPayments)).containsOnly(erased);
        assertThat(erased.get("customerId").asText()).as("the pseudonymous id stays").isEqualTo(customer);
    }

    /** The payment's first payload as its own history, its visit's merged history and an export show it. */
    private List<JsonNode> paymentPayloads(String payment, long position, String export) {
        JsonNode own = ok("/api/history/payments/" + payment).get("events").get(0).get("payload");
        JsonNode merged = StreamSupport.stream(
                ok("/api/history/visits/" + own.get("visitId").asText() + "/all", "X-Await-Position",
                   Long.toString(position)).get("events").spliterator(), false)
                                       .filter(event -> event.get("aggregateId").asText().equals(payment))
                                       .findFirst().orElseThrow().get("payload");
        JsonNode exported = lines(get(export)).stream()
                                              .filter(line -> line.get("aggregateId").asText().equals(payment))
                                              .findFirst().orElseThrow().get("payload");
        return List.of(own, merged, exported);
    }

    @Test
    void theHistoriesAreDocumentedWithExamples() {
        JsonNode paths = ok("/v3/api-docs").get("paths");

        assertThat(paths.has("/api/history/{aggregateType}/{id}")).isTrue();
        assertThat(paths.has("/api/history/visits/{id}/all")).isTrue();
        JsonNode export = paths.get("/api/history/export").get("get");
        assertThat(export.get("responses").get("200").get("content").has(HistoryController.NDJSON)).isTrue();
        assertThat(export.get("responses").get("200").get("content").get(HistoryController.NDJSON).get("examples")
                         .size()).isPositive();
        assertThat(export.get("parameters")).extracting(parameter -> parameter.path("name").asText())
                                            .contains("from", "to", "hall", "aggregateType", "eventType");
        assertThat(Map.of("aggregate", paths.get("/api/history/{aggregateType}/{id}"))
                      .get("aggregate").get("get").get("responses").get("200").get("content")
                      .get("application/json").get("examples").size()).isEqualTo(2);
    }
}
