package org.servicehall.command.application;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.application.ApplicationAccepted;
import org.servicehall.api.application.ApplicationCompleted;
import org.servicehall.api.application.ApplicationForwarded;
import org.servicehall.api.application.ApplicationSubmitted;
import org.servicehall.api.application.DocumentsVerified;
import org.servicehall.api.application.MissingDocumentsNotified;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.command.BadRequests.error;
import static org.servicehall.command.BadRequests.fields;

@CommandSideTest
class ApplicationApiTest {

    private static final String PROMISED = LocalDate.now().plusDays(30).toString();

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

    private static String submission(String visitId, String type, String customerId, String accountNumber) {
        return """
                {"visitId": %s, "hallId": "hall-1", "staffId": "clerk-2", "type": "%s", "customerId": %s,
                 "applicantName": "Wang Fang", "applicantPhone": "13800000000", "accountNumber": %s}"""
                .formatted(quoted(visitId), type, quoted(customerId), quoted(accountNumber));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private String submit(String visitId) {
        return (String) api.post("/api/applications", submission(visitId, "CAPACITY_INCREASE", null, "0101234567"))
                           .getBody().get("id");
    }

    @Test
    void anApplicationIsSubmittedCheckedAcceptedForwardedAndCompleted() {
        String visit = api.startVisit();

        ResponseEntity<Map> created = api.post("/api/applications",
                                               submission(visit, "CAPACITY_INCREASE", null, "0101234567"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        String customerId = (String) created.getBody().get("customerId");
        assertThat(UUID.fromString(customerId)).as("a new customer id when none is given").isNotNull();
        assertThat(created.getBody()).containsEntry("version", 0);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/applications/" + id);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");

        String base = "/api/applications/" + id;
        assertThat(api.post(base + "/document-check",
                            "{\"staffId\": \"clerk-2\", \"missingDocuments\": [\"ID card copy\", \"load list\"]}")
                      .getBody()).containsEntry("id", id).containsEntry("version", 1);
        assertThat(api.post(base + "/document-check", "{\"staffId\": \"clerk-2\", \"missingDocuments\": []}")
                      .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.post(base + "/acceptance", "{\"staffId\": \"clerk-2\", \"applicationNumber\": \"YK-1\", "
                + "\"promisedCompletionDate\": \"" + PROMISED + "\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.post(base + "/forwarding", "{\"staffId\": \"clerk-2\", \"department\": \"marketing\"}")
                      .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.post(base + "/completion", "{\"staffId\": \"back-9\"}").getBody())
                .containsEntry("id", id).containsEntry("version", 5);

        assertThat(events(id)).containsExactly(
                new ApplicationSubmitted(id, visit, "hall-1", "clerk-2", BusinessType.CAPACITY_INCREASE, customerId,
                                         "Wang Fang", "13800000000", "0101234567"),
                new MissingDocumentsNotified(id, "clerk-2", List.of("ID card copy", "load list")),
                new DocumentsVerified(id, "clerk-2"),
                new ApplicationAccepted(id, "clerk-2", "YK-1", LocalDate.parse(PROMISED)),
                new ApplicationForwarded(id, "clerk-2", "marketing"),
                new ApplicationCompleted(id, "back-9"));
    }

    @Test
    void theCustomerReferenceGivenIsKeptAndANewConnectionNeedsNoAccount() {
        ResponseEntity<Map> created = api.post("/api/applications",
                                               submission(null, "NEW_CONNECTION", "c-0101234567", null));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("customerId", "c-0101234567");
        assertThat(((ApplicationSubmitted) events((String) created.getBody().get("id")).get(0)).customerId())
                .isEqualTo("c-0101234567");
    }

    @Test
    void badInputNamesTheFieldWithItsAllowedValuesAndRecordsNothing() {
        long head = storage.headPosition();

        ResponseEntity<Map> missing = api.post("/api/applications", "{\"hallId\": \"hall-1\"}");
        ResponseEntity<Map> unknownType = api.post("/api/applications",
                                                   submission(null, "SOLAR_PANELS", null, "0101234567"));
        ResponseEntity<Map> notAnApplication = api.post("/api/applications",
                                                        submission(null, "BILLING_INQUIRY", null, "0101234567"));
        ResponseEntity<Map> noAccount = api.post("/api/applications",
                                                 submission(null, "OWNERSHIP_TRANSFER", null, null));
        ResponseEntity<Map> badVisit = api.post("/api/applications",
                                                submission("visit-7", "CAPACITY_INCREASE", null, "0101234567"));
        ResponseEntity<Map> badCustomer = api.post("/api/applications",
                                                   submission(null, "NEW_CONNECTION", "no spaces please", null));

        assertThat(fields(missing)).contains("staffId", "type", "applicantName");
        assertThat(error(unknownType, "type").get("allowedValues")).asList().contains("NEW_CONNECTION", "COMPLAINT");
        assertThat(error(notAnApplication, "type"))
                .containsEntry("rejectedValue", "BILLING_INQUIRY")
                .containsEntry("allowedValues", List.of("NEW_CONNECTION", "CAPACITY_INCREASE", "CAPACITY_DECREASE",
                                                        "SUSPENSION", "NAME_CHANGE", "OWNERSHIP_TRANSFER",
                                                        "TARIFF_CATEGORY_CHANGE", "METER_TEST", "METER_RELOCATION"));
        assertThat(error(noAccount, "accountNumber").get("message").toString()).contains("OWNERSHIP_TRANSFER");
        assertThat(fields(badVisit)).containsExactly("visitId");
        assertThat(fields(badCustomer)).containsExactly("customerId");
        String id = submit(null);
        long afterOne = storage.headPosition();
        ResponseEntity<Map> noDate = api.post("/api/applications/" + id + "/acceptance",
                                              "{\"staffId\": \"clerk-2\", \"applicationNumber\": \"YK-1\", "
                                                      + "\"promisedCompletionDate\": \"15.12.2026\"}");
        ResponseEntity<Map> noReason = api.post("/api/applications/" + id + "/rejection",
                                                "{\"staffId\": \"clerk-2\", \"reason\": \" \"}");
        assertThat(fields(noDate)).containsExactly("promisedCompletionDate");
        for (String date : List.of("20271231", "\"9999-12-31\"", "\"+2026-12-15\"", "\"2026-12-15T00:00:00Z\"",
                                   "\"" + LocalDate.now().plusYears(2) + "\"", "\"2020-01-01\"")) {
            assertThat(fields(api.post("/api/applications/" + id + "/acceptance", "{\"staffId\": \"clerk-2\", "
                    + "\"applicationNumber\": \"YK-1\", \"promisedCompletionDate\": " + date + "}")))
                    .as(date).containsExactly("promisedCompletionDate");
        }
        assertThat(fields(noReason)).containsExactly("reason");
        assertThat(storage.headPosition()).isEqualTo(afterOne).isGreaterThan(head);
    }

    @Test
    void anUnknownApplicationIsNotFound() {
        ResponseEntity<Map> response = api.post("/api/applications/" + UUID.randomUUID() + "/completion",
                                                "{\"staffId\": \"back-9\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBrokenRuleIsAConflictNamingIt() {
        String id = submit(null);
        String base = "/api/applications/" + id;
        api.post(base + "/document-check", "{\"staffId\": \"clerk-2\", \"missingDocuments\": [\"ID card copy\"]}");

        ResponseEntity<Map> secondList = api.post(base + "/document-check",
                                                  "{\"staffId\": \"clerk-3\", \"missingDocuments\": [\"load list\"]}");
        ResponseEntity<Map> earlyAcceptance = api.post(base + "/acceptance", "{\"staffId\": \"clerk-2\", "
                + "\"applicationNumber\": \"YK-1\", \"promisedCompletionDate\": \"" + PROMISED + "\"}");

        assertThat(secondList.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(secondList.getBody()).containsEntry("rule", "missing-documents-already-notified");
        assertThat(earlyAcceptance.getBody()).containsEntry("rule", "documents-not-verified");
    }

    @Test
    void anApplicationCannotBeSubmittedDuringAVisitThatIsOverOrUnknown() {
        String visit = api.startVisit();
        api.post("/api/visits/" + visit + "/see-off", Api.seeOff("clerk-2"));
        long head = storage.headPosition();

        ResponseEntity<Map> over = api.post("/api/applications",
                                            submission(visit, "CAPACITY_INCREASE", null, "0101234567"));
        ResponseEntity<Map> unknown = api.post("/api/applications", submission(UUID.randomUUID().toString(),
                                                                               "CAPACITY_INCREASE", null,
                                                                               "0101234567"));

        assertThat(over.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(over.getBody()).containsEntry("rule", "visit-over");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(unknown.getBody()).containsEntry("rule", "visit-not-found");
        assertThat(storage.headPosition()).isEqualTo(head);
    }
}
