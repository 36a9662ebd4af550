package org.servicehall.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicehall.platform.signin.TestSignIn;
import org.servicehall.platform.testing.TestMongo;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A day's work with personal data in every request that carries some (names, phones, account numbers, the free text
 * of consultations, work orders, applications, refunds and complaints), a few requests that fail on it (invalid,
 * malformed, breaking a rule), the views reading it, and an erasure: nothing the system logs, from start to stop,
 * holds any of those values.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogTest {

    private static final String AUTHORISED_BY = "X-Authorised-By";
    private static final String SUPERVISOR = TestSignIn.basic("supervisor");
    private static final String NAME = "Ouyang Xiaoyu";
    private static final String PHONE = "13912345678";
    private static final String ACCOUNT = "0109876543";
    private static final String QUESTION = "Why was flat 12B charged twice for the heater";
    private static final String WORK_ORDER = "Inspect the meter behind the bicycle shed";
    private static final String REPLY = "The meter wiring in the shed was crossed";
    private static final String REFUND_REASON = "Overcharged after the heater repair";
    private static final String COMPLAINT_NAME = "Ximen Chuixue";
    private static final String COMPLAINT_PHONE = "13787654321";
    private static final String COMPLAINT = "The guard shouted at my mother near gate four";
    private static final String NOTE = "She wants a written apology from the guard";
    private static final String REJECTED_NAME = "Dongfang Bubai";
    private static final String MALFORMED_PHONE = "13611112222";
    private static final List<String> PERSONAL = List.of(NAME, PHONE, ACCOUNT, QUESTION, WORK_ORDER, REPLY,
                                                         REFUND_REASON, COMPLAINT_NAME, COMPLAINT_PHONE, COMPLAINT,
                                                         NOTE, REJECTED_NAME, MALFORMED_PHONE);

    private final TestMongo mongo = TestMongo.external() ? TestMongo.start() : null;

    @AfterEach
    void dropDatabase() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void nothingLoggedHoldsThePersonalDataOfTheRequests(CapturedOutput output) {
        String customer;
        try (RunningSystem system = RunningSystem.start(TestMongo.temporaryDirectory(), mongo)) {
            String visit = id(system.post("/api/visits", "{\"hallId\": \"dalian-01\"}"));
            ResponseEntity<Map> opened = system.post("/api/consultations", """
                    {"visitId": "%s", "hallId": "dalian-01", "staffId": "clerk-02", "channel": "IN_PERSON",
                     "topic": "BILLING_INQUIRY", "callerName": "%s", "callerPhone": "%s", "question": "%s"}"""
                    .formatted(visit, NAME, PHONE, QUESTION));
            String consultation = id(opened);
            customer = (String) opened.getBody().get("customerId");
            ResponseEntity<Map> created = system.post("/api/consultations/" + consultation + "/work-orders", """
                    {"staffId": "clerk-02", "department": "metering", "dueAt": "%s", "description": "%s"}"""
                    .formatted(Instant.now().plus(Duration.ofDays(2)), WORK_ORDER));
            assertThat(status(created)).isEqualTo(201);
            String workOrder = created.getHeaders().getLocation().toString();
            String application = id(system.post("/api/applications", """
                    {"visitId": "%s", "hallId": "dalian-01", "staffId": "clerk-02", "type": "CAPACITY_INCREASE",
                     "applicantName": "%s", "applicantPhone": "%s", "accountNumber": "%s"}"""
                    .formatted(visit, NAME, PHONE, ACCOUNT)));
            String payment = id(system.post("/api/payments", """
                    {"hallId": "dalian-01", "staffId": "cashier-05", "kind": "ELECTRICITY_BILL", "amountFen": 12345,
                     "customerId": "c-4711", "accountNumber": "%s"}""".formatted(ACCOUNT)));
            String shift = UUID.randomUUID().toString();
            assertThat(status(system.post("/api/payments/" + payment + "/collection", """
                    {"staffId": "cashier-05", "shiftId": "%s", "method": "CASH", "amountFen": 12345,
                     "tenderedFen": 20000}""".formatted(shift)))).isEqualTo(200);
            assertThat(status(system.post("/api/payments/" + payment + "/refunds", """
                    {"refundId": "%s", "staffId": "cashier-05", "shiftId": "%s", "amountFen": 2000, "reason": "%s"}"""
                    .formatted(UUID.randomUUID(), shift, REFUND_REASON), AUTHORISED_BY, SUPERVISOR))).isEqualTo(200);
            String complaint = id(system.post("/api/complaints", """
                    {"hallId": "dalian-01", "staffId": "clerk-02", "kind": "COMPLAINT", "complaintClass": "SERVICE",
                     "channel": "PHONE", "anonymous": false, "complainantName": "%s", "complainantPhone": "%s",
                     "description": "%s"}""".formatted(COMPLAINT_NAME, COMPLAINT_PHONE, COMPLAINT)));
            system.post("/api/complaints/" + complaint + "/acknowledgement", "{\"staffId\": \"clerk-02\"}");
            system.post("/api/complaints/" + complaint + "/follow-ups",
                        "{\"staffId\": \"clerk-02\", \"note\": \"" + NOTE + "\"}");

            // requests that fail: invalid, malformed, breaking a rule
            assertThat(status(system.post("/api/applications", """
                    {"visitId": "%s", "hallId": "dalian-01", "staffId": "clerk-02", "type": "NO_SUCH_TYPE",
                     "applicantName": "%s", "applicantPhone": "%s", "accountNumber": "%s"}"""
                    .formatted(visit, REJECTED_NAME, PHONE, ACCOUNT)))).isEqualTo(400);
            assertThat(status(system.post("/api/complaints", """
                    {"hallId": "dalian-01", "staffId": "clerk-02", "kind": "COMPLAINT", "complaintClass": "SERVICE",
                     "channel": "PHONE", "anonymous": false, "complainantName": "%s", "complainantPhone": %s,
                     "description": "%s"}""".formatted(REJECTED_NAME, MALFORMED_PHONE, COMPLAINT)))).isEqualTo(400);
            assertThat(status(system.post("/api/complaints", "{\"complainantName\": \"" + REJECTED_NAME
                                                               + "\", \"complainantPhone\": \"" + MALFORMED_PHONE)))
                    .isEqualTo(400);
            assertThat(status(system.post("/api/payments/" + payment + "/refunds", """
                    {"refundId": "%s", "staffId": "cashier-05", "shiftId": "%s", "amountFen": 99999, "reason": "%s"}"""
                    .formatted(UUID.randomUUID(), shift, REFUND_REASON), AUTHORISED_BY, SUPERVISOR)))
                    .isEqualTo(409);
            assertThat(status(system.post(workOrder.substring(workOrder.indexOf("/api/")) + "/completion",
                                          "{\"staffId\": \"metering-11\", \"reply\": \"" + REPLY + "\"}")))
                    .isEqualTo(200);

            // the views show it to those who may see it, and the customer's data is erased
            await().atMost(Duration.ofSeconds(60)).until(() -> system.entries(visit).size() >= 4);
            String history = asCompliance(system).get().uri("/api/history/applications/" + application)
                                                 .retrieve().body(String.class);
            assertThat(history).contains(NAME);
            ResponseEntity<Map> erased = asCompliance(system).post().uri("/api/customers/" + customer + "/erasure")
                                                             .contentType(MediaType.APPLICATION_JSON)
                                                             .body("{\"reason\": \"request 2026-0042\"}")
                                                             .retrieve().toEntity(Map.class);
            assertThat(erased.getStatusCode().value()).as(String.valueOf(erased.getBody())).isEqualTo(200);
        }

        String logged = output.getAll();
        assertThat(logged).as("the run logged something").contains("ready at");
        for (String value : PERSONAL) {
            assertThat(logged).as("the log holds personal data").doesNotContain(value);
        }
    }

    private static org.springframework.web.client.RestClient asCompliance(RunningSystem system) {
        String basic = Base64.getEncoder().encodeToString("compliance:compliance".getBytes(StandardCharsets.UTF_8));
        return system.querySide.mutate().defaultHeader("Authorization", "Basic " + basic).build();
    }

    private static String id(ResponseEntity<Map> created) {
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return (String) created.getBody().get("id");
    }

    private static int status(ResponseEntity<Map> response) {
        return response.getStatusCode().value();
    }
}
