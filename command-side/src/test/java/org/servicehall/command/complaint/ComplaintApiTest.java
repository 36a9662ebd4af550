package org.servicehall.command.complaint;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.Channel;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintAssigned;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintLimit;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintReopened;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.complaint.FollowUpRecorded;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicehall.command.BadRequests.error;
import static org.servicehall.command.BadRequests.fields;

@CommandSideTest
class ComplaintApiTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    SequencedEventStorageEngine storage;

    @Autowired
    ServiceCalendar calendar;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private List<EventMessage<?>> messages(String id) {
        return eventStore.readEvents(id).asStream().<EventMessage<?>>map(event -> event).toList();
    }

    private List<Object> events(String id) {
        return messages(id).stream().<Object>map(EventMessage::getPayload).toList();
    }

    private static String registration(String visitId, String kind, boolean anonymous, String phone) {
        return """
                {"visitId": %s, "hallId": "hall-1", "staffId": "clerk-2", "kind": "%s", "complaintClass": "SERVICE",
                 "channel": "IN_PERSON", "anonymous": %s, "complainantName": %s, "complainantPhone": %s,
                 "description": "The clerk was rude"}"""
                .formatted(visitId == null ? "null" : "\"" + visitId + "\"", kind, anonymous,
                           phone == null ? "null" : "\"Li Lei\"", phone == null ? "null" : "\"" + phone + "\"");
    }

    private static String staff(String staffId) {
        return "{\"staffId\": \"" + staffId + "\"}";
    }

    @Test
    void aComplaintGoesThroughReopeningToClosureWithItsLimitsFromTheHallCalendar() {
        String visit = api.startVisit();

        ResponseEntity<Map> created = api.post("/api/complaints", registration(visit, "COMPLAINT", false,
                                                                               "13900000000"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        String customerId = (String) created.getBody().get("customerId");
        String base = "/api/complaints/" + id;
        api.post(base + "/acknowledgement", staff("clerk-2"));
        api.post(base + "/assignment", "{\"staffId\": \"supervisor-1\", \"department\": \"marketing\", "
                + "\"handlerId\": \"handler-4\"}");
        api.post(base + "/follow-ups", "{\"staffId\": \"handler-4\", \"note\": \"Spoke to the clerk\"}");
        api.post(base + "/resolution", "{\"staffId\": \"handler-4\", \"resolution\": \"Apologised\"}");
        api.post(base + "/callback", "{\"staffId\": \"clerk-3\", \"satisfaction\": \"UNSATISFIED\"}");
        api.post(base + "/reopening", "{\"staffId\": \"supervisor-1\", \"reason\": \"Wants it in writing\"}");
        api.post(base + "/resolution", "{\"staffId\": \"handler-4\", \"resolution\": \"Apology in writing\"}");
        api.post(base + "/callback", "{\"staffId\": \"clerk-3\", \"satisfaction\": \"SATISFIED\", "
                + "\"note\": \"Thanks\"}");
        ResponseEntity<Map> closed = api.post(base + "/closure", staff("supervisor-1"));

        assertThat(closed.getBody()).containsEntry("id", id).containsEntry("version", 9);
        List<EventMessage<?>> messages = messages(id);
        Instant registeredAt = messages.get(0).getTimestamp();
        ComplaintRegistered registered = (ComplaintRegistered) messages.get(0).getPayload();
        assertThat(registered).isEqualTo(new ComplaintRegistered(
                id, visit, "hall-1", "clerk-2", ComplaintKind.COMPLAINT, ComplaintClass.SERVICE, Channel.IN_PERSON,
                false, customerId, "Li Lei", "13900000000", "The clerk was rude",
                calendar.complaintLimit("hall-1", ComplaintLimit.FIRST_CONTACT, registeredAt).dueAt(),
                calendar.complaintLimit("hall-1", ComplaintLimit.REPLY, registeredAt).dueAt()));
        Instant reopenedAt = messages.get(6).getTimestamp();
        assertThat(events(id).subList(1, 10)).containsExactly(
                new ComplaintAcknowledged(id, "clerk-2"),
                new ComplaintAssigned(id, "supervisor-1", "marketing", "handler-4"),
                new FollowUpRecorded(id, "handler-4", customerId, "Spoke to the clerk"),
                new ComplaintResolved(id, "handler-4", customerId, "Apologised",
                                      calendar.complaintLimit("hall-1", ComplaintLimit.CALLBACK,
                                                              messages.get(4).getTimestamp()).dueAt()),
                new CallbackRecorded(id, "clerk-3", Satisfaction.UNSATISFIED, customerId, null),
                new ComplaintReopened(id, "supervisor-1", customerId, "Wants it in writing",
                                      calendar.complaintLimit("hall-1", ComplaintLimit.REPLY, reopenedAt).dueAt()),
                new ComplaintResolved(id, "handler-4", customerId, "Apology in writing",
                                      calendar.complaintLimit("hall-1", ComplaintLimit.CALLBACK,
                                                              messages.get(7).getTimestamp()).dueAt()),
                new CallbackRecorded(id, "clerk-3", Satisfaction.SATISFIED, customerId, "Thanks"),
                new ComplaintClosed(id, "supervisor-1"));
    }

    @Test
    void anAnonymousReportIsRegisteredWithoutContactDetailsAndGetsACustomerId() {
        ResponseEntity<Map> created = api.post("/api/complaints", registration(null, "REPORT", true, null));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ComplaintRegistered registered = (ComplaintRegistered) events((String) created.getBody().get("id")).get(0);
        assertThat(registered.anonymous()).isTrue();
        assertThat(registered.firstContactDueAt()).isNull();
        assertThat(registered.customerId()).isEqualTo(created.getBody().get("customerId"));
    }

    @Test
    void onlyAReportMayBeAnonymous() {
        ResponseEntity<Map> response = api.post("/api/complaints", registration(null, "COMPLAINT", true, null));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("rule", "anonymous-only-for-reports");
    }

    @Test
    void aComplaintIsNotClosedBeforeTheCallback() {
        String id = (String) api.post("/api/complaints", registration(null, "COMPLAINT", false, "13900000000"))
                                .getBody().get("id");

        ResponseEntity<Map> response = api.post("/api/complaints/" + id + "/closure", staff("supervisor-1"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("rule", "callback-required");
    }

    @Test
    void badInputNamesTheFieldAndRecordsNothing() {
        String id = (String) api.post("/api/complaints", registration(null, "COMPLAINT", false, "13900000000"))
                                .getBody().get("id");
        long head = storage.headPosition();

        assertThat(fields(api.post("/api/complaints", registration(null, "COMPLAINT", false, null))))
                .containsExactly("complainantPhone");
        assertThat(fields(api.post("/api/complaints", registration(null, "REPORT", true, "13900000000"))))
                .containsExactly("complainantName", "complainantPhone");
        assertThat(error(api.post("/api/complaints", registration(null, "GRUMBLE", false, "13900000000")), "kind")
                           .get("allowedValues")).isEqualTo(List.of("COMPLAINT", "REPORT", "OPINION"));
        assertThat(fields(api.post("/api/complaints", registration(null, "COMPLAINT", false, "13900000000")
                .replace("\"anonymous\": false,", "")))).containsExactly("anonymous");
        assertThat(error(api.post("/api/complaints/" + id + "/callback",
                                  "{\"staffId\": \"clerk-3\", \"satisfaction\": \"HAPPY\"}"), "satisfaction")
                           .get("allowedValues"))
                .isEqualTo(List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"));
        assertThat(fields(api.post("/api/complaints/" + id + "/assignment", staff("supervisor-1"))))
                .containsExactlyInAnyOrder("department", "handlerId");
        assertThat(storage.headPosition()).isEqualTo(head);
    }

    @Test
    void anUnknownComplaintIsNotFound() {
        assertThat(api.post("/api/complaints/" + UUID.randomUUID() + "/acknowledgement", staff("clerk-2"))
                      .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aComplaintCannotBeRegisteredDuringAVisitThatIsOver() {
        String visit = api.startVisit();
        api.post("/api/visits/" + visit + "/see-off", Api.seeOff("clerk-2"));

        ResponseEntity<Map> response = api.post("/api/complaints", registration(visit, "COMPLAINT", false,
                                                                                "13900000000"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("rule", "visit-over");
    }
}
