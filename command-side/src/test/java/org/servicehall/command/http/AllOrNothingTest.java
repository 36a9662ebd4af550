package org.servicehall.command.http;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.command.Api;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command answered with an error has stored nothing, whatever failed after its handler applied its events: the
 * unit of work preparing to commit (as when a deadline cannot be stored), or an unexpected exception, checked ones
 * included. The events of a payment and of the cashier's shift go together.
 */
@CommandSideTest
@Import(ApiTestHooks.class)
class AllOrNothingTest {

    @LocalServerPort
    int port;

    @Autowired
    SequencedEventStorageEngine storage;

    @Autowired
    EventStore eventStore;

    @Autowired
    ApiTestHooks.CommandHooks hooks;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private long events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().count();
    }

    @Test
    void aUnitOfWorkFailingAsItPreparesToCommitStoresNothing() {
        String visit = api.startVisit();
        String correlationId = UUID.randomUUID().toString();
        hooks.failWhilePreparingToCommit(correlationId);
        long head = storage.reservedPosition();

        ResponseEntity<Map> response = api.post("/api/visits/" + visit + "/greeting", Api.greeting("guide-7"),
                                                "X-Correlation-Id", correlationId);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(events(visit)).isEqualTo(1);
        assertThat(storage.reservedPosition()).as("not even a position taken").isEqualTo(head);
    }

    @Test
    void aCheckedExceptionAfterTheHandlerAppliedItsEventsRollsThemBack() {
        String visit = api.startVisit();
        String correlationId = UUID.randomUUID().toString();
        hooks.failAfterHandling(correlationId, new IOException("a checked fault of ours"));
        long head = storage.reservedPosition();

        ResponseEntity<Map> response = api.post("/api/visits/" + visit + "/greeting", Api.greeting("guide-7"),
                                                "X-Correlation-Id", correlationId);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(events(visit)).isEqualTo(1);
        assertThat(storage.reservedPosition()).isEqualTo(head);
        assertThat(api.post("/api/visits/" + visit + "/greeting", Api.greeting("guide-7")).getBody())
                .as("the greeting was never recorded, so it can be made now").containsEntry("version", 1);
    }

    @Test
    void aCollectionThatFailsAfterBothAggregatesDecidedStoresNeitherEvent() {
        String payment = (String) api.post("/api/payments", """
                {"hallId": "hall-1", "staffId": "cashier-5", "kind": "BUSINESS_FEE", "amountFen": 500}""")
                                     .getBody().get("id");
        String shift = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        hooks.failWhilePreparingToCommit(correlationId);
        String collection = """
                {"staffId": "cashier-5", "shiftId": "%s", "method": "QR_CODE", "amountFen": 500}""".formatted(shift);

        ResponseEntity<Map> response = api.post("/api/payments/" + payment + "/collection", collection,
                                                "X-Correlation-Id", correlationId);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(events(payment)).isEqualTo(1);
        assertThat(events(shift)).isZero();
        assertThat(api.post("/api/payments/" + payment + "/collection", collection).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(events(shift)).isEqualTo(1);
    }
}
