package org.servicehall.query;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.application.ApplicationAccepted;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.consultation.WorkOrderReminded;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.api.payment.ShiftRefundRecorded;
import org.servicehall.api.payment.TillSettled;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The supervisors' boards over HTTP, from events in the store, with the clock standing still at {@link #NOW}. */
@QuerySideTest
@Import(BoardsApiTest.StillClock.class)
class BoardsApiTest {

    private static final String SHIFT_9 = TestIds.id("shift-9");
    private static final String PAY_9 = TestIds.id("pay-9");
    private static final String CON_9 = TestIds.id("con-9");
    private static final String APP_9 = TestIds.id("app-9");
    private static final String WO_9 = TestIds.id("wo-9");
    private static final String BOARD_OVERDUE = TestIds.id("board-overdue");
    private static final String BOARD_AT_RISK = TestIds.id("board-at-risk");
    private static final String BOARD_PENDING = TestIds.id("board-pending");
    private static final String REF_9 = TestIds.id("ref-9");

    /** Monday 2026-11-30, 10:00 in the hall. */
    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    @TestConfiguration
    static class StillClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    EventStore eventStore;
    TestRestTemplate http;

    /** Spring's client for this side, signed in as an analyst (see {@link HallClient}). */
    @Autowired
    void signIn(TestRestTemplate template) {
        http = HallClient.signedIn(template);
    }

    private void publish(String type, String aggregateId, long sequence, Object payload, Instant at) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                                                           MetaData.with(MetadataKeys.OCCURRED_AT, at.toString())));
    }

    private void complaint(String id, Instant firstContactDue) {
        publish("Complaint", id, 0, new ComplaintRegistered(id, null, "hall-9", "clerk-1", ComplaintKind.COMPLAINT,
                                                            ComplaintClass.SUPPLY_QUALITY, Channel.HOTLINE_95598,
                                                            false, "customer-1", "张三", "138", "flicker",
                                                            firstContactDue, firstContactDue.plus(Duration.ofDays(7))),
                NOW.minus(Duration.ofDays(1)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(ResponseEntity<Map> page, String idField) {
        return ((List<Map<String, Object>>) page.getBody().get("items")).stream()
                                                                        .map(item -> (String) item.get(idField))
                                                                        .toList();
    }

    @Test
    void theComplaintBoardJudgesLimitsByTheClockAndSortsByTheNearestDue() {
        complaint(BOARD_PENDING, NOW.plus(Duration.ofDays(3)));
        complaint(BOARD_OVERDUE, NOW.minus(Duration.ofHours(1)));
        complaint(BOARD_AT_RISK, NOW.plus(Duration.ofHours(2)));

        await().atMost(Duration.ofSeconds(30)).until(() -> ids(http.getForEntity("/api/complaints?hall=hall-9",
                                                                                  Map.class), "complaintId")
                .size() == 3);
        assertThat(ids(http.getForEntity("/api/complaints?hall=hall-9", Map.class), "complaintId"))
                .containsExactly(BOARD_OVERDUE, BOARD_AT_RISK, BOARD_PENDING);
        assertThat(ids(http.getForEntity("/api/complaints?hall=hall-9&deadline=AT_RISK", Map.class), "complaintId"))
                .containsExactly(BOARD_AT_RISK);
        assertThat(ids(http.getForEntity("/api/complaints?hall=hall-9&deadline=overdue&class=supply-quality",
                                         Map.class), "complaintId")).containsExactly(BOARD_OVERDUE);
        Map<?, ?> one = http.getForObject("/api/complaints/" + BOARD_AT_RISK, Map.class);
        assertThat(((Map<?, ?>) one.get("nextDue")).get("state")).isEqualTo("AT_RISK");
        assertThat((List<?>) one.get("history")).hasSize(1);
    }

    @Test
    void workOrdersShowTheirRemindersAndWhetherTheyAreOverdue() {
        publish("Consultation", CON_9, 0, new ConsultationOpened(CON_9, null, "hall-9", "clerk-1", Channel.PHONE,
                                                                   BusinessType.BILLING_INQUIRY, "customer-1", "x",
                                                                   "y", "z"), NOW.minus(Duration.ofDays(3)));
        publish("Consultation", CON_9, 1, new WorkOrderCreated(CON_9, WO_9, "clerk-1", "metering",
                                                                 NOW.minus(Duration.ofDays(1)), "customer-1", "x"),
                NOW.minus(Duration.ofDays(3)));
        publish("Consultation", CON_9, 2, new WorkOrderReminded(CON_9, WO_9, null),
                NOW.minus(Duration.ofDays(2)));

        // three commits, handled one after the other: wait for the last (the reminder), not the first
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(http.getForEntity(
                "/api/work-orders?department=metering&overdue=true", Map.class), "workOrderId").contains(WO_9)
                && Integer.valueOf(1).equals(http.getForObject("/api/work-orders/" + WO_9, Map.class)
                                                 .get("reminderCount")));
        Map<?, ?> order = http.getForObject("/api/work-orders/" + WO_9, Map.class);
        assertThat(order.get("reminderCount")).isEqualTo(1);
        assertThat(order.get("hallId")).isEqualTo("hall-9");
        assertThat(order.get("consultationId")).isEqualTo(CON_9);
        assertThat(order.get("overdue")).isEqualTo(true);
    }

    @Test
    void applicationsComeByStatusWithTheirPromisedDates() {
        publish("BusinessApplication", APP_9, 0, new ApplicationSubmitted(APP_9, null, "hall-9", "clerk-1",
                                                                           BusinessType.NEW_CONNECTION, "customer-1",
                                                                           "x", "y", null), NOW);
        publish("BusinessApplication", APP_9, 1, new ApplicationAccepted(APP_9, "clerk-1", "A-9",
                                                                          LocalDate.parse("2026-12-20")), NOW);

        await().atMost(Duration.ofSeconds(30)).until(() -> ids(http.getForEntity(
                "/api/applications?status=ACCEPTED&hall=hall-9&type=NEW_CONNECTION", Map.class), "applicationId")
                .contains(APP_9));
        Map<?, ?> application = http.getForObject("/api/applications/" + APP_9, Map.class);
        assertThat(application.get("promisedCompletionDate")).isEqualTo("2026-12-20");
        assertThat(application.get("late")).isEqualTo(false);
    }

    @Test
    void paymentsByCashierAndDayAndTheTillShowRefundsNet() {
        publish("Payment", PAY_9, 0, new PaymentRequested(PAY_9, null, "hall-9", "cashier-9",
                                                            PaymentKind.ELECTRICITY_BILL, 10_000, "customer-1", "x"),
                NOW);
        publish("Payment", PAY_9, 1, new FeeCollected(PAY_9, "cashier-9", SHIFT_9, PaymentMethod.CASH, 10_000,
                                                        10_000L, 0L), NOW);
        publish("CashierShift", SHIFT_9, 0, new ShiftCollectionRecorded(SHIFT_9, "cashier-9", PAY_9,
                                                                          PaymentMethod.CASH, 10_000), NOW);
        publish("Payment", PAY_9, 2, new PaymentRefunded(PAY_9, REF_9, "cashier-9", "supervisor-1", SHIFT_9,
                                                           PaymentMethod.CASH, 2_500, "customer-1", "x"), NOW);
        publish("CashierShift", SHIFT_9, 1, new ShiftRefundRecorded(SHIFT_9, "cashier-9", PAY_9, REF_9,
                                                                      PaymentMethod.CASH, 2_500), NOW);
        publish("CashierShift", SHIFT_9, 2, new TillSettled(SHIFT_9, "cashier-9",
                                                              Map.of(PaymentMethod.CASH, 7_500L),
                                                              Map.of(PaymentMethod.CASH, 7_400L),
                                                              Map.of(PaymentMethod.CASH, -100L)), NOW);

        await().atMost(Duration.ofSeconds(30)).until(() -> "SETTLED".equals(
                http.getForEntity("/api/shifts/" + SHIFT_9, Map.class).getBody().get("status")));
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) ((Map<?, ?>) http
                .getForObject("/api/payments?cashier=cashier-9&day=2026-11-30", Map.class).get("totals"))
                .get("totalRefundedFen")).longValue() == 2_500);
        Map<?, ?> day = http.getForObject("/api/payments?hall=hall-9&day=2026-11-30", Map.class);
        assertThat(((Map<?, ?>) day.get("totals")).get("netFen")).isEqualTo(Map.of("CASH", 7_500));
        List<?> tills = http.getForObject("/api/tills?cashier=cashier-9&day=2026-11-30", List.class);
        Map<?, ?> till = (Map<?, ?>) tills.get(0);
        assertThat(((Map<?, ?>) till.get("settlement")).get("differenceFen")).isEqualTo(Map.of("CASH", -100));
        assertThat(((Map<?, ?>) till.get("totals")).get("totalNetFen")).isEqualTo(7_500);
        assertThat(http.getForObject("/api/payments/" + PAY_9, Map.class).get("netFen")).isEqualTo(7_500);
    }

    @Test
    void badParametersAreProblemsNamingThemAndTheirAllowedValues() {
        assertProblem("/api/complaints?status=OPENED", "status", "REGISTERED");
        assertProblem("/api/complaints?deadline=soon", "deadline", "AT_RISK");
        assertProblem("/api/complaints?class=NOISE", "class", "SUPPLY_QUALITY");
        assertProblem("/api/complaints?size=500", "size", null);
        assertProblem("/api/complaints?page=-1", "page", null);
        assertProblem("/api/complaints?from=2026-11-01", "from", null);
        assertProblem("/api/complaints?status=CLOSED&from=2026-01-01&to=2026-12-31", "to", null);
        assertProblem("/api/complaints?status=CLOSED&from=2026-13-01", "from", null);
        assertProblem("/api/work-orders?overdue=maybe", "overdue", null);
        assertProblem("/api/work-orders?status=DONE", "status", "COMPLETED");
        assertProblem("/api/applications?type=BILL_PAYMENT", "type", "NEW_CONNECTION");
        assertProblem("/api/applications?status=COMPLETED&from=2026-12-01&to=2026-11-01", "from", null);
        assertProblem("/api/payments?day=2026-11-30", "cashier", null);
        assertProblem("/api/payments?cashier=c-1&day=yesterday", "day", null);
        assertProblem("/api/tills?day=2026-11-30", "cashier", null);
        assertProblem("/api/complaints?departmnet=metering", "departmnet", "department");
        assertProblem("/api/admin/dead-letters?groups=complaints", "groups", "group");

        ResponseEntity<Map> unknown = http.getForEntity("/api/complaints/" + TestIds.id("no-such-complaint"),
                                                        Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.getForEntity("/api/shifts/" + TestIds.id("no-such-shift"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        for (String path : List.of("/api/complaints/", "/api/shifts/", "/api/payments/", "/api/applications/",
                                   "/api/work-orders/")) {
            assertProblem(path + "no-such-id", "id", null);
            assertProblem(path + PAY_9.toUpperCase().replace('-', '_'), "id", null);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyBadParameterOfABoardIsNamedInOneProblem() {
        ResponseEntity<Map> response = http.getForEntity(
                "/api/complaints?status=OPENED&class=NOISE&size=500&from=2026-11-01&departmnet=metering", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("field"))
                          .containsExactly("status", "class", "from", "size", "departmnet");
        assertThat(errors).allSatisfy(error -> assertThat(error.get("in")).isEqualTo("query"));
        assertThat(errors.get(0)).containsEntry("rejectedValue", "OPENED");
        assertThat((List<Object>) errors.get(0).get("allowedValues")).contains("REGISTERED");
        assertThat((List<Object>) errors.get(1).get("allowedValues")).contains("SUPPLY_QUALITY");
        assertThat((List<Object>) errors.get(4).get("allowedValues")).contains("department", "class", "hall");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDescriptionListsEachQueryParameterOfTheBoards() {
        Map<String, Object> paths = (Map<String, Object>) http.getForObject("/v3/api-docs", Map.class).get("paths");
        Map<String, List<String>> expected = Map.of(
                "/api/complaints", List.of("status", "class", "department", "hall", "deadline", "from", "to", "page",
                                           "size"),
                "/api/work-orders", List.of("status", "department", "hall", "overdue", "from", "to", "page", "size"),
                "/api/applications", List.of("status", "hall", "type", "from", "to", "page", "size"),
                "/api/payments", List.of("day", "cashier", "hall"),
                "/api/tills", List.of("cashier", "day"));
        expected.forEach((path, names) -> {
            List<Map<String, Object>> parameters = (List<Map<String, Object>>)
                    ((Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("get")).get("parameters");
            assertThat(parameters).as(path).filteredOn(parameter -> "query".equals(parameter.get("in")))
                                  .extracting(parameter -> parameter.get("name"))
                                  .containsAll(names).doesNotContain("complaintClass", "parameters");
        });
    }

    @SuppressWarnings("unchecked")
    private void assertProblem(String uri, String field, String oneAllowedValue) {
        TestRestTemplate client = uri.startsWith("/api/admin/") ? http.withBasicAuth("admin", "admin") : http;
        ResponseEntity<Map> response = client.getForEntity(uri, Map.class);
        assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).as(uri).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> error = ((List<Map<String, Object>>) response.getBody().get("errors")).get(0);
        assertThat(error.get("field")).as(uri).isEqualTo(field);
        assertThat((String) response.getBody().get("detail")).as(uri).contains(field);
        if (oneAllowedValue != null) {
            assertThat((List<Object>) error.get("allowedValues")).as(uri).contains(oneAllowedValue);
        }
    }
}
