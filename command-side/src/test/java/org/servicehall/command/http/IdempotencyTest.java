package org.servicehall.command.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.command.Api;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.signin.TestSignIn;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@CommandSideTest
@Import(ApiTestHooks.class)
class IdempotencyTest {

    private static final String GREETING = Api.greeting("guide-7");
    /** The need may be identified again and again (routing may not), so this test can repeat it. */
    private static final String NEED = "{\"staffId\": \"guide-7\", \"businessType\": \"BILLING_INQUIRY\"}";

    @LocalServerPort
    int port;

    @Autowired
    SequencedEventStorageEngine storage;

    @Autowired
    ApiTestHooks.CommandHooks hooks;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAndRecordsNothingNew() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<Map> first = api.post("/api/visits", "{\"hallId\": \"hall-1\"}", "Idempotency-Key", key);
        long head = storage.headPosition();

        ResponseEntity<Map> retry = api.post("/api/visits", "{\"hallId\": \"hall-1\"}", "Idempotency-Key", key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
        assertThat(retry.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(retry.getHeaders().getFirst("X-Correlation-Id"))
                .isEqualTo(first.getHeaders().getFirst("X-Correlation-Id"));
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storage.headPosition()).as("nothing recorded by the retry").isEqualTo(head);

        String id = (String) first.getBody().get("id");
        String greetingKey = UUID.randomUUID().toString();
        ResponseEntity<Map> greeted = api.post("/api/visits/" + id + "/greeting", GREETING,
                                               "Idempotency-Key", greetingKey);
        ResponseEntity<Map> greetedAgain = api.post("/api/visits/" + id + "/greeting", GREETING,
                                                    "Idempotency-Key", greetingKey);
        assertThat(greeted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(greetedAgain.getStatusCode()).as("not 409 already-greeted: the first answer")
                                                .isEqualTo(HttpStatus.OK);
        assertThat(greetedAgain.getBody()).isEqualTo(greeted.getBody()).containsEntry("version", 1);
        assertThat(greetedAgain.getHeaders().getFirst("X-Event-Position"))
                .isEqualTo(greeted.getHeaders().getFirst("X-Event-Position"));
    }

    @Test
    void theSameKeyWithAnotherRequestIsUnprocessableAndDoesNothing() {
        String key = UUID.randomUUID().toString();
        api.post("/api/visits", "{\"hallId\": \"hall-1\"}", "Idempotency-Key", key);
        long head = storage.headPosition();

        ResponseEntity<Map> otherBody = api.post("/api/visits", "{\"hallId\": \"hall-2\"}", "Idempotency-Key", key);
        ResponseEntity<Map> otherHeader = api.post("/api/visits", "{\"hallId\": \"hall-1\"}", "Idempotency-Key", key,
                                                   "X-Staff-Id", "guide-3");

        assertThat(otherBody.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(otherBody.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(otherBody.getBody()).containsEntry("title", "Idempotency-Key reused");
        assertThat(otherHeader.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(storage.headPosition()).isEqualTo(head);
    }

    @Test
    void keysBelongToTheirClientSoNobodyCanClaimAnotherTerminalsKey() {
        String key = UUID.randomUUID().toString();
        Api terminal = api.as(ClientKind.COUNTER_TERMINAL);
        Api another = api.as(TestSignIn.SECOND_COUNTER_TERMINAL);
        String visit = api.startVisit();
        String seeOff = "/api/visits/" + visit + "/see-off";
        ResponseEntity<Map> claimed = another.post(seeOff, Api.seeOff("clerk-9"), "Idempotency-Key", key);

        ResponseEntity<Map> mine = terminal.post(seeOff, Api.seeOff("clerk-2"), "Idempotency-Key", key);

        assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getStatusCode()).as("its own key, not the other terminal's answer")
                                        .isEqualTo(HttpStatus.CONFLICT);
        assertThat(mine.getBody()).containsEntry("rule", "visit-over");
        assertThat(mine.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRefusalTheDomainDecidedIsKeptLikeASuccess() {
        String id = api.startVisit();
        api.post("/api/visits/" + id + "/see-off", Api.seeOff("clerk-2"));
        String key = UUID.randomUUID().toString();

        ResponseEntity<Map> refused = api.post("/api/visits/" + id + "/greeting", GREETING, "Idempotency-Key", key);
        ResponseEntity<Map> again = api.post("/api/visits/" + id + "/greeting", GREETING, "Idempotency-Key", key);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).isEqualTo(refused.getBody()).containsEntry("rule", "visit-over");
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void invalidInputIsNotKeptSoTheCorrectedRequestMayUseTheKey() {
        String key = UUID.randomUUID().toString();

        ResponseEntity<Map> invalid = api.post("/api/visits", "{\"hallId\": \"\"}", "Idempotency-Key", key);
        ResponseEntity<Map> corrected = api.post("/api/visits", "{\"hallId\": \"hall-1\"}", "Idempotency-Key", key);

        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aConcurrentChangeIsNotKeptSoTheRetryRunsAgain() {
        String id = api.startVisit();
        String key = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        hooks.anotherWriterOn(id, correlationId);

        ResponseEntity<Map> lost = api.post("/api/visits/" + id + "/need", NEED, "Idempotency-Key", key,
                                            "X-Correlation-Id", correlationId);
        ResponseEntity<Map> retried = api.post("/api/visits/" + id + "/need", NEED, "Idempotency-Key", key);

        assertThat(lost.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lost.getBody()).containsEntry("title", "Concurrent change").doesNotContainKey("rule");
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody()).as("after the other writer's event").containsEntry("version", 2);
        assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRetryWhileTheFirstIsStillRunningIsToldToComeBackAndThenGetsItsAnswer() throws Exception {
        String id = api.startVisit();
        String key = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        hooks.stall(correlationId, entered, release);

        CompletableFuture<ResponseEntity<Map>> first = CompletableFuture.supplyAsync(() -> api.post(
                "/api/visits/" + id + "/greeting", GREETING, "Idempotency-Key", key, "X-Correlation-Id",
                correlationId));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        ResponseEntity<Map> meanwhile = api.post("/api/visits/" + id + "/greeting", GREETING, "Idempotency-Key", key);
        release.countDown();

        assertThat(meanwhile.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(meanwhile.getBody()).containsEntry("title", "Request in progress");
        assertThat(meanwhile.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(first.get(30, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> later = api.post("/api/visits/" + id + "/greeting", GREETING, "Idempotency-Key", key);
        assertThat(later.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(later.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aServerErrorIsNotKeptSoTheRetryRunsAgain() {
        String id = api.startVisit();
        String key = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        hooks.fail(correlationId);

        ResponseEntity<Map> failed = api.post("/api/visits/" + id + "/greeting", GREETING, "Idempotency-Key", key,
                                              "X-Correlation-Id", correlationId);
        ResponseEntity<Map> retried = api.post("/api/visits/" + id + "/greeting", GREETING, "Idempotency-Key", key);

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(failed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(failed.getBody().get("detail").toString()).contains(correlationId);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody()).containsEntry("version", 1);
    }
}
