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

    private static String refund(String refundId, String shiftId, String supervisorId, long amountFen) {
        return """
                {"refundId": "%s", "staffId": "cashier-5", "supervisorId": "%s", "shiftId": "%s", "amountFen": %d,
                 "reason": "Billed twice"}""".formatted(refundId, supervisorId, shiftId, amountFen);
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
        assertThat(api.post(base + "/refunds", refund(refundId, shift, "supervisor-1", 2_000)).getBody())
                .containsEntry("id", id).containsEntry("version", 3);
        ResponseEntity<Map> settled = api.post("/api/shifts/" + shift + "/settlement",
                                               "{\"cashierId\": \"cashier-5\", \"declaredFen\": {\"CASH\": 10300}}");

        assertThat(settled.getBody()).containsEntry("id", shift).containsEntry("version", 2);
        assertThat(events(id)).containsExactly(
                new PaymentRequested(id, visit, "hall-1", "cashier-5", PaymentKind.ELECTRICITY_BILL, 12_345,
                                     "c-0101234567", "0101234567"),
                new FeeCollected(id, "cashier-5", shift, PaymentMethod.CASH, 12_345, 20_000L, 7_655L),
                new ReceiptIssued(id, "cashier-5", "FP-1"),
                new PaymentRefunded(id, refundId, "cashier-5", "supervisor-1", shift, PaymentMethod.CASH, 2_000,
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
        api.post("/api/payments/" + id + "/refunds", refund(UUID.randomUUID().toString(), shift, "supervisor-1",
                                                            3_000));
        long head = storage.headPosition();

        ResponseEntity<Map> tooMuch = api.post("/api/payments/" + id + "/refunds",
                                               refund(UUID.randomUUID().toString(), shift, "supervisor-1", 2_001));

        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooMuch.getBody()).containsEntry("rule", "refund-exceeds-collected");
        assertThat(tooMuch.getBody().get("detail").toString()).contains("2000 fen left to refund");
        assertThat(storage.headPosition()).as("neither the payment nor the shift recorded anything").isEqualTo(head);
    }

    @Test
    void aCashierCannotAuthoriseTheirOwnRefundNorMakeTheSameRefundTwice() {
        String shift = UUID.randomUUID().toString();
        String id = request(5_000);
        api.post("/api/payments/" + id + "/collection", collection(shift, "BANK_CARD", 5_000, null));
        String refundId = UUID.randomUUID().toString();
        api.post("/api/payments/" + id + "/refunds", refund(refundId, shift, "supervisor-1", 1_000));

        ResponseEntity<Map> self = api.post("/api/payments/" + id + "/refunds",
                                            refund(UUID.randomUUID().toString(), shift, "cashier-5", 1_000));
        ResponseEntity<Map> twice = api.post("/api/payments/" + id + "/refunds",
                                             refund(refundId, shift, "supervisor-1", 1_000));

        assertThat(self.getBody()).containsEntry("rule", "refund-not-authorised");
        assertThat(twice.getBody()).containsEntry("rule", "refund-already-made");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Cashier-5", "cashier-5 ", " cashier-5", "cashier\u200B-5", "cashier-5\u0000",
            "ｃashier-5", "CASHIER-5"})
    void aLookAlikeOfTheCashierIsNoOtherSupervisorButAnInvalidId(String lookAlike) {
        String shift = UUID.randomUUID().toString();
        String id = request(5_000);
        api.post("/api/payments/" + id + "/collection", collection(shift, "BANK_CARD", 5_000, null));
        long head = storage.headPosition();

        ResponseEntity<Map> refund = api.post("/api/payments/" + id + "/refunds",
                                              refund(UUID.randomUUID().toString(), shift,
                                                     lookAlike.replace("\u0000", "\\u0000"), 1_000));

        assertThat(fields(refund)).containsExactly("supervisorId");
        assertThat(storage.headPosition()).as("nothing paid out").isEqualTo(head);
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
        assertThat(fields(api.post(base + "/refunds", refund(UUID.randomUUID().toString(), shift, "supervisor-1",
                                                             0)))).containsExactly("amountFen");
        assertThat(error(api.post("/api/shifts/" + shift + "/settlement",
                                  "{\"cashierId\": \"cashier-5\", \"declaredFen\": {\"GOLD\": 1}}"), "declaredFen")
                           .get("message")).isNotNull();
        assertThat(fields(api.post("/api/shifts/" + shift + "/settlement",
                                   "{\"cashierId\": \"cashier-5\", \"declaredFen\": {\"CASH\": null}}")))
                .containsExactly("declaredFen[CASH]");
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
