package org.servicehall.command.payment;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.PaymentRefunded;
import org.servicehall.api.payment.PaymentRequested;
import org.servicehall.api.payment.ReceiptIssued;
import org.servicehall.api.payment.TillSettled;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.signin.TestSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.command.BadRequests.error;
import static org.servicehall.command.BadRequests.fields;

@CommandSideTest
class PaymentApiTest {

    private static final String AUTHORISED_BY = "X-Authorised-By";

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

    private List<Object> events(String id) {
        return eventStore.readEvents(id).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    private static String payment(String visitId, long amountFen) {
        return """
                {"visitId": %s, "hallId": "hall-1", "staffId": "cashier-5", "kind": "ELECTRICITY_BILL",
                 "amountFen": %d, "customerId": "c-0101234567", "accountNumber": "0101234567"}"""
                .formatted(visitId == null ? "null" : "\"" + visitId + "\"", amountFen);
    }

    private static String collection(String shiftId, String method, long amountFen, Long tenderedFen) {
        return """
                {"staffId": "cashier-5", "shiftId": "%s", "method": "%s", "amountFen": %d, "tenderedFen": %s}"""
                .formatted(shiftId, method, amountFen, tenderedFen);
    }

    private static String refund(String refundId, String shiftId, long amountFen) {
        return refund(refundId, "cashier-5", shiftId, amountFen);
    }

    private static String refund(String refundId, String cashier, String shiftId, long amountFen) {
        return """
                {"refundId": "%s", "staffId": "%s", "shiftId": "%s", "amountFen": %d, "reason": "Billed twice"}"""
                .formatted(refundId, cashier, shiftId, amountFen);
    }

    /** A refund authorised by the test supervisor (user {@code supervisor}). */
    private ResponseEntity<Map> refund(String paymentId, String body) {
        return api.post("/api/payments/" + paymentId + "/refunds", body, AUTHORISED_BY, TestSignIn.basic("supervisor"));
    }

    private String request(long amountFen) {
        return (String) api.post("/api/payments", payment(null, amountFen)).getBody().get("id");
    }

    @Test
    void aBillIsCollectedInCashWithChangeGetsAReceiptIsRefundedAndTheTillIsSettled() {
        String visit = api.startVisit();
        String shift = UUID.randomUUID().toString();
        String refundId = UUID.randomUUID().toString();

        ResponseEntity<Map> created = api.post("/api/payments", payment(visit, 12_345));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("customerId", "c-0101234567").containsEntry("version", 0);
        String id = (String) created.getBody().get("id");
        String base = "/api/payments/" + id;

        assertThat(api.post(base + "/collection", collection(shift, "CASH", 12_345, 20_000L)).getBody())
                .containsEntry("id", id).containsEntry("version", 1);
        assertThat(api.post(base + "/receipt", "{\"staffId\": \"cashier-5\", \"receiptNumber\": \"FP-1\"}")
                      .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refund(id, refund(refundId, shift, 2_000)).getBody())
                .containsEntry("id", id).containsEntry("version", 3);
        ResponseEntity<Map> settled = api.post("/api/shifts/" + shift + "/settlement",
                                               "{\"cashierId\": \"cashier-5\", \"declaredFen\": {\"CASH\": 10300}}");

        assertThat(settled.getBody()).containsEntry("id", shift).containsEntry("version", 2);
        assertThat(events(id)).containsExactly(
                new PaymentRequested(id, visit, "hall-1", "cashier-5", PaymentKind.ELECTRICITY_BILL, 12_345,
                                     "c-0101234567", "0101234567"),
                new FeeCollected(id, "cashier-5", shift, PaymentMethod.CASH, 12_345, 20_000L, 7_655L),
                new ReceiptIssued(id, "cashier-5", "FP-1"),
                new PaymentRefunded(id, refundId, "cashier-5", "supervisor", shift, PaymentMethod.CASH, 2_000,
                                    "c-0101234567", "Billed twice"));
        assertThat(events(shift)).last().isEqualTo(new TillSettled(
                shift, "cashier-5",
                Map.of(PaymentMethod.CASH, 10_345L, PaymentMethod.BANK_CARD, 0L, PaymentMethod.QR_CODE, 0L,
                       PaymentMethod.BANK_TRANSFER, 0L),
                Map.of(PaymentMethod.CASH, 10_300L, PaymentMethod.BANK_CARD, 0L, PaymentMethod.QR_CODE, 0L,
                       PaymentMethod.BANK_TRANSFER, 0L),
                Map.of(PaymentMethod.CASH, -45L, PaymentMethod.BANK_CARD, 0L, PaymentMethod.QR_CODE, 0L,
                       PaymentMethod.BANK_TRANSFER, 0L)));
    }

    @Test
    void aRefundOverWhatWasCollectedIsRefusedAndNothingIsPaidOut() {
        String shift = UUID.randomUUID().toString();
        String id = request(5_000);
        api.post("/api/payments/" + id + "/collection", collection(shift, "QR_CODE", 5_000, null));
        refund(id, refund(UUID.randomUUID().toString(), shift, 3_000));
        long head = storage.headPosition();

        ResponseEntity<Map> tooMuch = refund(id, refund(UUID.randomUUID().toString(), shift, 2_001));

        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooMuch.getBody()).containsEntry("rule", "refund-exceeds-collected");
        assertThat(tooMuch.getBody().get("detail").toString()).contains("2000 fen left to refund");
        assertThat(storage.headPosition()).as("neither the payment nor the shift recorded anything").isEqualTo(head);
    }

    @Test
    void aRefundIsAuthorisedByASignedInSupervisorOtherThanTheCashierAndNeverMadeTwice() {
        String shift = UUID.randomUUID().toString();
        String id = request(5_000);
        String refunds = "/api/payments/" + id + "/refunds";
        api.post("/api/payments/" + id + "/collection", collection(shift, "BANK_CARD", 5_000, null));
        String refundId = UUID.randomUUID().toString();
        long head = storage.headPosition();

        ResponseEntity<Map> missing = api.post(refunds, refund(refundId, shift, 1_000));
        ResponseEntity<Map> wrongPassword = api.post(refunds, refund(refundId, shift, 1_000),
                                                     AUTHORISED_BY, TestSignIn.basic("supervisor", "guess"));
        ResponseEntity<Map> notASupervisor = api.post(refunds, refund(refundId, shift, 1_000),
                                                      AUTHORISED_BY, TestSignIn.basic("analyst"));
        ResponseEntity<Map> themself = api.post(refunds, refund(refundId, "supervisor", shift, 1_000),
                                                AUTHORISED_BY, TestSignIn.basic("supervisor"));
        ResponseEntity<Map> notCredentials = api.post(refunds, refund(refundId, shift, 1_000),
                                                      AUTHORISED_BY, "supervisor");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(missing)).containsExactly(AUTHORISED_BY);
        assertThat(fields(notCredentials)).containsExactly(AUTHORISED_BY);
        for (ResponseEntity<Map> refused : List.of(wrongPassword, notASupervisor, themself)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).containsEntry("rule", "refund-not-authorised");
        }
        assertThat(notASupervisor.getBody().get("detail").toString()).contains("analyst is not one");
        assertThat(themself.getBody().get("detail").toString()).contains("other than the cashier supervisor");
        assertThat(storage.headPosition()).as("nothing recorded").isEqualTo(head);

        ResponseEntity<Map> authorised = refund(id, refund(refundId, shift, 1_000));
        ResponseEntity<Map> twice = refund(id, refund(refundId, shift, 1_000));

        assertThat(authorised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(events(id)).last().isInstanceOfSatisfying(PaymentRefunded.class, refunded ->
                assertThat(refunded.supervisorId()).as("the supervisor who signed in").isEqualTo("supervisor"));
        assertThat(twice.getBody()).containsEntry("rule", "refund-already-made");
    }

    /** The supervisor who signs in is {@code supervisor}: a cashier id that only looks like it is refused. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Supervisor", "supervisor ", " supervisor", "super\u200Bvisor", "supervisor\u0000",
            "ｓupervisor", "SUPERVISOR"})
    void aCashierWhoLooksLikeTheSupervisorIsAnInvalidIdNotSomeoneElse(String lookAlike) {
        String shift = UUID.randomUUID().toString();
        String id = request(5_000);
        api.post("/api/payments/" + id + "/collection", collection(shift, "BANK_CARD", 5_000, null));
        long head = storage.headPosition();

        ResponseEntity<Map> refund = refund(id, refund(UUID.randomUUID().toString(),
                                                       lookAlike.replace("\u0000", "\\u0000"), shift, 1_000));

        assertThat(fields(refund)).containsExactly("staffId");
        assertThat(storage.headPosition()).as("nothing paid out").isEqualTo(head);
    }

    @Test
    void theRefundsSupervisorIsThrottledLikeAnySignInTheRightPasswordToo() {
        String shift = UUID.randomUUID().toString();
        String id = request(5_000);
        api.post("/api/payments/" + id + "/collection", collection(shift, "CASH", 5_000, 5_000L));
        String refunds = "/api/payments/" + id + "/refunds";
        for (int i = 0; i < 5; i++) {
            assertThat(api.post(refunds, refund(UUID.randomUUID().toString(), shift, 100), AUTHORISED_BY,
                                TestSignIn.basic("supervisor-2", "guess-" + i)).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }

        ResponseEntity<Map> throttled = api.post(refunds, refund(UUID.randomUUID().toString(), shift, 100),
                                                 AUTHORISED_BY, TestSignIn.basic("supervisor-2"));

        assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(throttled.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(events(id)).hasSize(2);
    }

    @Test
    void aSettledShiftTakesNoMoreCollections() {
        String shift = UUID.randomUUID().toString();
        String first = request(100);
        String second = request(200);
        api.post("/api/payments/" + first + "/collection", collection(shift, "CASH", 100, 100L));
        api.post("/api/shifts/" + shift + "/settlement", "{\"cashierId\": \"cashier-5\", \"declaredFen\": {}}");

        ResponseEntity<Map> late = api.post("/api/payments/" + second + "/collection",
                                            collection(shift, "CASH", 200, 200L));

        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody()).containsEntry("rule", "shift-settled");
        assertThat(events(second)).hasSize(1);
    }

    @Test
    void badInputNamesTheFieldAndRecordsNothing() {
        String shift = UUID.randomUUID().toString();
        String id = request(5_000);
        long head = storage.headPosition();
        String base = "/api/payments/" + id;

        assertThat(fields(api.post("/api/payments", payment(null, -5)))).containsExactly("amountFen");
        assertThat(fields(api.post("/api/payments", payment(null, 5).replace("\"amountFen\": 5,", ""))))
                .containsExactly("amountFen");
        assertThat(fields(api.post("/api/payments", payment(null, 5).replace("\"accountNumber\": \"0101234567\"",
                                                                              "\"accountNumber\": null"))))
                .containsExactly("accountNumber");
        assertThat(error(api.post(base + "/collection", collection(shift, "BITCOIN", 5_000, null)), "method")
                           .get("allowedValues")).isEqualTo(List.of("CASH", "BANK_CARD", "QR_CODE", "BANK_TRANSFER"));
        assertThat(error(api.post(base + "/collection", collection(shift, "BANK_CARD", 5_000, 6_000L)),
                         "tenderedFen").get("message").toString()).contains("cash only");
        assertThat(fields(api.post(base + "/collection", collection(shift, "CASH", 5_000, null))))
                .containsExactly("tenderedFen");
        assertThat(fields(api.post(base + "/collection", collection(shift, "CASH", 5_000, 4_999L))))
                .containsExactly("tenderedFen");
        assertThat(fields(api.post(base + "/collection", collection("shift-1", "CASH", 5_000, 5_000L))))
                .containsExactly("shiftId");
        assertThat(fields(refund(id, refund(UUID.randomUUID().toString(), shift, 0)))).containsExactly("amountFen");
        assertThat(error(api.post("/api/shifts/" + shift + "/settlement",
                                  "{\"cashierId\": \"cashier-5\", \"declaredFen\": {\"GOLD\": 1}}"), "declaredFen")
                           .get("message")).isNotNull();
        assertThat(fields(api.post("/api/shifts/" + shift + "/settlement",
                                   "{\"cashierId\": \"cashier-5\", \"declaredFen\": {\"CASH\": null}}")))
                .containsExactly("declaredFen[CASH]");
        assertThat(storage.headPosition()).isEqualTo(head);
    }

    /** The default hall.money.max-amount-fen. */
    private static final long MAX_FEN = 100_000_000_000L;

    @Test
    void anAmountAboveTheLimitIsA400NamingTheFieldAndRecordsNothing() {
        String shift = UUID.randomUUID().toString();
        String id = request(5_000);
        api.post("/api/payments/" + id + "/collection", collection(shift, "CASH", 5_000, 5_000L));
        assertThat(api.post("/api/payments", payment(null, MAX_FEN)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long head = storage.headPosition();
        String base = "/api/payments/" + id;

        assertThat(error(api.post("/api/payments", payment(null, MAX_FEN + 1)), "amountFen").get("message"))
                .isEqualTo("must be at most 100000000000 fen either way (hall.money.max-amount-fen)");
        assertThat(fields(api.post("/api/payments", payment(null, Long.MAX_VALUE)))).containsExactly("amountFen");
        assertThat(fields(api.post(base + "/collection", collection(shift, "CASH", 5_000, Long.MAX_VALUE))))
                .containsExactly("tenderedFen");
        assertThat(fields(refund(id, refund(UUID.randomUUID().toString(), shift, Long.MAX_VALUE))))
                .containsExactly("amountFen");
        assertThat(fields(api.post("/api/shifts/" + shift + "/settlement",
                                   "{\"cashierId\": \"cashier-5\", \"declaredFen\": {\"CASH\": " + Long.MIN_VALUE
                                   + ", \"QR_CODE\": 0}}"))).containsExactly("declaredFen[CASH]");
        assertThat(storage.headPosition()).isEqualTo(head);
    }

    /** The case, end to end: on a 100-fen payment, 1 fen and then 9223372036854775807 fen. */
    @Test
    void refundsOfOneFenAndOfTheLargestLongLeaveTheRestRefundableAndNoMore() {
        String shift = UUID.randomUUID().toString();
        String id = request(100);
        api.post("/api/payments/" + id + "/collection", collection(shift, "QR_CODE", 100, null));

        assertThat(refund(id, refund(UUID.randomUUID().toString(), shift, 1)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(refund(id, refund(UUID.randomUUID().toString(), shift, Long.MAX_VALUE))
                      .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refund(id, refund(UUID.randomUUID().toString(), shift, 99)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(refund(id, refund(UUID.randomUUID().toString(), shift, 1)).getBody())
                .containsEntry("rule", "refund-exceeds-collected");

        assertThat(events(id)).filteredOn(PaymentRefunded.class::isInstance).extracting("amountFen")
                              .containsExactly(1L, 99L);
        assertThat(events(shift)).hasSize(3);
    }

    @Test
    void aCollectionIntoAShiftIdThatIsAnotherPaymentIsA404AndRecordsNothing() {
        String other = request(300);
        String id = request(200);
        long head = storage.headPosition();

        ResponseEntity<Map> response = api.post("/api/payments/" + id + "/collection",
                                                collection(other, "CASH", 200, 200L));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(events(other)).hasSize(1);
        assertThat(events(id)).hasSize(1);
        assertThat(storage.headPosition()).isEqualTo(head);
        assertThat(api.post("/api/shifts/" + id + "/settlement", "{\"cashierId\": \"cashier-5\", \"declaredFen\": {}}")
                      .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(storage.headPosition()).isEqualTo(head);
    }

    @Test
    void unknownPaymentsAndShiftsAreNotFound() {
        assertThat(api.post("/api/payments/" + UUID.randomUUID() + "/receipt",
                            "{\"staffId\": \"cashier-5\", \"receiptNumber\": \"FP-1\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("/api/shifts/" + UUID.randomUUID() + "/settlement",
                            "{\"cashierId\": \"cashier-5\", \"declaredFen\": {}}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPaymentCannotBeOpenedDuringAVisitThatIsOver() {
        String visit = api.startVisit();
        api.post("/api/visits/" + visit + "/see-off", Api.seeOff("clerk-2"));

        ResponseEntity<Map> response = api.post("/api/payments", payment(visit, 100));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("rule", "visit-over");
    }
}
