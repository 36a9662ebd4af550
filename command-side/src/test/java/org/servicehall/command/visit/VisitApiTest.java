package org.servicehall.command.visit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.visit.AppointmentBooked;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerRerouted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.FormCorrectionRequested;
import org.servicehall.api.visit.HandOverMethod;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.OtherNeedsChecked;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RerouteReason;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.RoutedToDepartment;
import org.servicehall.api.visit.TransferredToDepartment;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandSideTest
class VisitApiTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    SequencedEventStorageEngine storage;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aVisitIsStartedGreetedRoutedAndSeenOffAndEachStepIsStoredWithItsVersion() {
        ResponseEntity<Map> created = api.post("/api/visits", "{\"hallId\": \"hall-1\"}");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getBody()).containsEntry("version", 0);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/visits/" + id);

        long createdAt = ((Number) created.getBody().get("position")).longValue();
        assertThat(created.getHeaders().getFirst("X-Event-Position")).isEqualTo(Long.toString(createdAt));

        ResponseEntity<Map> greeted = api.post("/api/visits/" + id + "/greeting", Api.greeting("guide-7"));
        assertThat(greeted.getStatusCode()).isEqualTo(HttpStatus.OK);
        long greetedAt = ((Number) greeted.getBody().get("position")).longValue();
        assertThat(greetedAt).as("stored after the visit started").isGreaterThan(createdAt);
        assertThat(greeted.getBody()).isEqualTo(Map.of("id", id, "version", 1, "position", (int) greetedAt));
        assertThat(greeted.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(api.post("/api/visits/" + id + "/routing", "{\"staffId\": \"guide-7\", \"destination\": \"COUNTER\", \"counter\": \"3\"}")
                      .getBody()).containsEntry("version", 2);
        assertThat(api.post("/api/visits/" + id + "/see-off", Api.seeOff("clerk-2")).getHeaders().getETag())
                .isEqualTo("\"3\"");

        assertThat(eventStore.readEvents(id).asStream().map(event -> (Object) event.getPayload()).toList())
                .startsWith(new VisitStarted(id, "hall-1"),
                            new CustomerGreeted(id, "guide-7", false, false, false, false),
                            new RoutedToCounter(id, "guide-7", "3"))
                .hasSize(4);
    }

    @Test
    void anUnknownVisitIsNotFound() {
        ResponseEntity<Map> response = api.post("/api/visits/" + UUID.randomUUID() + "/greeting",
                                                Api.greeting("guide-7"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 404);
    }

    @Test
    void aMalformedBodyIsABadRequestAndChangesNothing() {
        long before = storage.readEvents(null, false).count();

        ResponseEntity<Map> broken = api.post("/api/visits", "{\"hallId\": ");
        ResponseEntity<Map> missing = api.post("/api/visits", "{}");
        ResponseEntity<Map> unknownField = api.post("/api/visits", "{\"hallId\": \"h\", \"hall\": \"h\"}");

        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("errors").toString()).contains("field=hallId");
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownField.getBody().get("detail").toString()).contains("Unknown field 'hall'");
        assertThat(storage.readEvents(null, false).count()).isEqualTo(before);
    }

    @Test
    void aVisitThatIsOverRefusesMoreWithTheRuleItBreaks() {
        String id = api.startVisit();
        api.post("/api/visits/" + id + "/see-off", Api.seeOff("clerk-2"));

        ResponseEntity<Map> response = api.post("/api/visits/" + id + "/greeting", Api.greeting("guide-7"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("rule", "visit-over");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        ResponseEntity<Map> response = api.http().post().uri("/api/visits").contentType(MediaType.TEXT_PLAIN)
                                          .headers(headers -> api.signIn(headers, "POST", "/api/visits"))
                                          .body("hall-1").retrieve().toEntity(Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void aVisitGoesThroughEveryStepAndEachIsStoredAsItHappened() {
        String id = api.startVisit();
        String visit = "/api/visits/" + id;
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        ok(visit + "/greeting", Api.greeting("guide-7"));
        ok(visit + "/need", "{\"staffId\": \"guide-7\", \"businessType\": \"METER_TEST\"}");
        ok(visit + "/routing", "{\"staffId\": \"guide-7\", \"destination\": \"OTHER_DEPARTMENT\", "
                + "\"department\": \"metering\"}");
        ok(visit + "/hand-over", "{\"staffId\": \"guide-7\", \"method\": \"PHONE\", \"reached\": false, "
                + "\"customerId\": \"cust-1\", \"contactName\": \"Li Lei\", \"contactPhone\": \"13800000000\"}");
        assertThat(api.post(visit + "/see-off", Api.seeOff("guide-7")).getBody())
                .containsEntry("rule", "appointment-required");
        ok(visit + "/appointment", "{\"staffId\": \"guide-7\", \"appointmentAt\": \"" + tomorrow + "\", "
                + "\"customerId\": \"cust-1\", \"contactName\": \"Li Lei\", \"contactPhone\": \"13800000000\"}");
        ok(visit + "/rerouting", "{\"staffId\": \"guide-7\", \"reason\": \"NEED_CHANGED\", "
                + "\"destination\": \"COUNTER\", \"counter\": \"3\"}");
        ok(visit + "/queue-ticket", "{\"ticketNumber\": \"A012\", \"businessType\": \"BILL_PAYMENT\"}");
        ok(visit + "/form-correction", "{\"staffId\": \"guide-7\", \"form\": \"payment-slip\", "
                + "\"helpOffered\": true}");
        ok(visit + "/counter-call", "{\"staffId\": \"clerk-2\", \"counter\": \"3\", \"ticketNumber\": \"A012\"}");
        ok(visit + "/other-needs", "{\"staffId\": \"clerk-2\", \"furtherNeeds\": false}");
        ResponseEntity<Map> seenOff = api.post(visit + "/see-off", Api.seeOff("clerk-2"));

        assertThat(seenOff.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(seenOff.getBody()).containsEntry("version", 11);
        assertThat(payloads(id)).containsExactly(
                new VisitStarted(id, "hall-1"),
                new CustomerGreeted(id, "guide-7", false, false, false, false),
                new NeedIdentified(id, "guide-7", BusinessType.METER_TEST),
                new RoutedToDepartment(id, "guide-7", "metering"),
                new TransferredToDepartment(id, "guide-7", "metering", HandOverMethod.PHONE, false, "cust-1",
                                            "Li Lei", "13800000000"),
                new AppointmentBooked(id, "guide-7", tomorrow, "metering", "cust-1", "Li Lei", "13800000000"),
                new CustomerRerouted(id, "guide-7", RerouteReason.NEED_CHANGED, Destination.COUNTER, "3", null),
                new QueueTicketIssued(id, "A012", BusinessType.BILL_PAYMENT),
                new FormCorrectionRequested(id, "guide-7", "payment-slip", true),
                new CounterCalled(id, "clerk-2", "3", "A012"),
                new OtherNeedsChecked(id, "clerk-2", false, null),
                new CustomerSeenOff(id, "clerk-2", true));
    }

    @Test
    void aCustomerWhoWalksOutEndsTheVisit() {
        String id = api.startVisit();

        ok("/api/visits/" + id + "/walk-out", "{\"staffId\": \"guide-7\"}");
        ResponseEntity<Map> greeting = api.post("/api/visits/" + id + "/greeting", Api.greeting("guide-7"));

        assertThat(greeting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(greeting.getBody()).containsEntry("rule", "visit-over");
        assertThat(payloads(id)).containsExactly(new VisitStarted(id, "hall-1"),
                                                 new CustomerLeftWithoutService(id, "guide-7"));
    }

    @Test
    void fieldsThatDependOnOthersAreBadInputNamingTheFieldAndRecordNothing() {
        String id = api.startVisit();
        String visit = "/api/visits/" + id;
        long head = storage.headPosition();

        assertBadInput(visit + "/routing", "{\"staffId\": \"g\", \"destination\": \"COUNTER\"}", "counter");
        assertBadInput(visit + "/routing", "{\"staffId\": \"g\", \"destination\": \"OTHER_DEPARTMENT\", "
                + "\"counter\": \"3\"}", "counter", "department");
        assertBadInput(visit + "/routing", "{\"staffId\": \"g\", \"counter\": \"3\"}", "destination");
        assertBadInput(visit + "/rerouting", "{\"staffId\": \"g\", \"destination\": \"SELF_SERVICE\"}", "reason");
        assertBadInput(visit + "/rerouting", "{\"staffId\": \"g\", \"reason\": \"WRONG_JUDGEMENT\", "
                + "\"destination\": \"SELF_SERVICE\", \"department\": \"metering\"}", "department");
        assertBadInput(visit + "/hand-over", "{\"staffId\": \"g\", \"method\": \"PHONE\", \"reached\": false, "
                + "\"contactName\": \"Li Lei\"}", "customerId", "contactPhone");
        for (String when : List.of("\"2020-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "4102444800",
                                   "\"" + Instant.now().plus(Duration.ofDays(400)) + "\"")) {
            assertBadInput(visit + "/appointment", "{\"staffId\": \"g\", \"appointmentAt\": " + when + ", "
                    + "\"customerId\": \"c\", \"contactName\": \"n\", \"contactPhone\": \"1\"}", "appointmentAt");
        }
        assertBadInput(visit + "/other-needs", "{\"staffId\": \"g\", \"furtherNeeds\": true}", "nextBusinessType");
        assertBadInput(visit + "/other-needs", "{\"staffId\": \"g\", \"furtherNeeds\": false, "
                + "\"nextBusinessType\": \"OTHER\"}", "nextBusinessType");
        assertBadInput(visit + "/queue-ticket", "{\"ticketNumber\": \"A1\"}", "businessType");
        assertBadInput(visit + "/see-off", "{\"staffId\": \"g\"}", "belongingsReminded");
        ResponseEntity<Map> badEnum = api.post(visit + "/routing", "{\"staffId\": \"g\", \"destination\": \"HOME\"}");
        assertThat(badEnum.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badEnum.getBody().get("errors").toString()).contains("field=destination")
                                                              .contains("OTHER_DEPARTMENT");
        assertThat(storage.headPosition()).as("nothing recorded").isEqualTo(head);
    }

    @Test
    void everyVisitCommandOnAnUnknownVisitIsNotFound() {
        String visit = "/api/visits/" + UUID.randomUUID();

        for (String[] command : List.of(
                new String[] {"/need", "{\"staffId\": \"g\", \"businessType\": \"OTHER\"}"},
                new String[] {"/walk-out", "{\"staffId\": \"g\"}"},
                new String[] {"/counter-call", "{\"staffId\": \"g\", \"counter\": \"3\"}"})) {
            ResponseEntity<Map> response = api.post(visit + command[0], command[1]);
            assertThat(response.getStatusCode()).as(command[0]).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    /** The case: a visit command sent to a payment's id was a 500 (IncompatibleAggregateException). */
    @Test
    void aVisitCommandToTheIdOfSomethingElseIsNotFoundAndRecordsNothing() {
        String payment = (String) api.post("/api/payments", """
                {"hallId": "hall-1", "staffId": "cashier-5", "kind": "BUSINESS_FEE", "amountFen": 500}""")
                                     .getBody().get("id");
        long head = storage.headPosition();

        for (String[] command : List.of(
                new String[] {"/need", "{\"staffId\": \"g\", \"businessType\": \"OTHER\"}"},
                new String[] {"/greeting", Api.greeting("g")},
                new String[] {"/see-off", Api.seeOff("g")})) {
            ResponseEntity<Map> response = api.post("/api/visits/" + payment + command[0], command[1]);
            assertThat(response.getStatusCode()).as(command[0]).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        }
        // nor is a payment opened during it, as if it were a visit
        ResponseEntity<Map> during = api.post("/api/payments", """
                {"visitId": "%s", "hallId": "hall-1", "staffId": "cashier-5", "kind": "BUSINESS_FEE",
                 "amountFen": 500}""".formatted(payment));
        assertThat(during.getBody()).containsEntry("rule", "visit-not-found");
        assertThat(storage.headPosition()).as("nothing recorded").isEqualTo(head);
        assertThat(eventStore.readEvents(payment).asStream().count()).isEqualTo(1);
    }

    @Test
    void commandsOutOfOrderAreRefusedWithTheRuleTheyBreak() {
        String id = api.startVisit();
        String visit = "/api/visits/" + id;

        assertRule(visit + "/hand-over", "{\"staffId\": \"g\", \"method\": \"ESCORTED\", \"reached\": true}",
                   "not-routed-for-hand-over");
        assertRule(visit + "/rerouting", "{\"staffId\": \"g\", \"reason\": \"WRONG_JUDGEMENT\", "
                + "\"destination\": \"SELF_SERVICE\"}", "not-routed-yet");
        assertRule(visit + "/appointment", "{\"staffId\": \"g\", \"appointmentAt\": \""
                + Instant.now().plus(1, ChronoUnit.DAYS) + "\", \"customerId\": \"c\", \"contactName\": \"n\", "
                + "\"contactPhone\": \"1\"}", "appointment-not-needed");
        assertRule(visit + "/counter-call", "{\"staffId\": \"g\", \"counter\": \"3\", \"ticketNumber\": \"Z9\"}",
                   "ticket-not-issued");
        ok(visit + "/routing", "{\"staffId\": \"g\", \"destination\": \"SELF_SERVICE\"}");
        assertRule(visit + "/routing", "{\"staffId\": \"g\", \"destination\": \"BACK_OFFICE\"}", "already-routed");
        assertThat(payloads(id)).hasSize(2);
    }

    private void ok(String path, String json) {
        ResponseEntity<Map> response = api.post(path, json);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
    }

    private void assertBadInput(String path, String json, String... fields) {
        ResponseEntity<Map> response = api.post(path, json);
        assertThat(response.getStatusCode()).as(json).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<Object> named = ((List<?>) response.getBody().get("errors")).stream()
                                                                         .map(error -> (Object) ((Map<?, ?>) error).get("field"))
                                                                         .toList();
        assertThat(named).as(json).containsExactlyInAnyOrder((Object[]) fields);
    }

    private void assertRule(String path, String json, String rule) {
        ResponseEntity<Map> response = api.post(path, json);
        assertThat(response.getStatusCode()).as(json).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("rule", rule);
    }

    private List<Object> payloads(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(event -> (Object) event.getPayload()).toList();
    }
}
