package org.servicehall.query.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.Channel;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintAssigned;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.FollowUpRecorded;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.servicehall.query.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A handler that throws parks its event (and the later events of the same aggregate) in the dead-letter queue while
 * the view goes on with other aggregates; the admin API lists the letters, retries them (in vain while the handler is
 * broken, for good once it is fixed) and evicts them.
 */
@QuerySideTest
@Import(DeadLetterQueueTest.BrokenHandler.class)
class DeadLetterQueueTest {

    private static final String POISON_1 = TestIds.id("poison-1");
    private static final String POISON_2 = TestIds.id("poison-2");
    private static final String POISON_3 = TestIds.id("poison-3");
    private static final String HEALTHY_1 = TestIds.id("healthy-1");
    private static final Set<String> POISONED = Set.of(POISON_1, POISON_2, POISON_3);

    /** Stands for a bug in the complaints view that a fix removes: it throws on acknowledgements of some complaints. */
    @TestConfiguration
    @ProcessingGroup("complaints")
    static class BrokenHandler {
        final AtomicBoolean broken = new AtomicBoolean(true);

        @EventHandler
        void on(ComplaintAcknowledged event) {
            if (broken.get() && POISONED.contains(event.complaintId())) {
                throw new IllegalStateException("cannot handle " + event.complaintId());
            }
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
    @Autowired
    BrokenHandler handler;
    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void breakTheHandler() {
        handler.broken.set(true);
    }

    private void publish(String complaintId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Complaint", complaintId, sequence, payload));
    }

    private void register(String complaintId) {
        Instant now = Instant.now();
        publish(complaintId, 0, new ComplaintRegistered(complaintId, null, "hall-1", "clerk-1",
                                                        ComplaintKind.COMPLAINT, ComplaintClass.SERVICE,
                                                        Channel.PHONE, false, "customer-1", "张三", "138", "x",
                                                        now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(7))));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> complaint(String id) {
        return http.getForObject("/api/complaints/" + id, Map.class);
    }

    /** The dead-letter API is for administrators (and compliance staff). */
    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "admin");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deadLetters(String group) {
        return admin().getForObject("/api/admin/dead-letters?group=" + group, List.class);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> sequences(String group) {
        return (List<Map<String, Object>>) deadLetters(group).get(0).get("sequences");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> letters(Map<String, Object> sequence) {
        return (List<Map<String, Object>>) sequence.get("letters");
    }

    private Map<?, ?> retry(String group, String sequence) {
        return admin().postForObject("/api/admin/dead-letters/" + group + "/retry"
                                          + (sequence == null ? "" : "?sequence=" + sequence), null, Map.class);
    }

    @Test
    void aPoisonEventIsParkedWithItsSequenceTheViewGoesOnAndARetryAfterTheFixAppliesIt() {
        register(POISON_1);
        publish(POISON_1, 1, new ComplaintAcknowledged(POISON_1, "clerk-2"));
        publish(POISON_1, 2, new ComplaintAssigned(POISON_1, "supervisor-1", "metering", "handler-9"));
        register(HEALTHY_1);
        publish(HEALTHY_1, 1, new ComplaintAcknowledged(HEALTHY_1, "clerk-2"));
        publish(HEALTHY_1, 2, new ComplaintAssigned(HEALTHY_1, "supervisor-1", "metering", "handler-9"));

        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/api/complaints/" + HEALTHY_1, Map.class)
                                                               .getStatusCode().is2xxSuccessful()
                && "ASSIGNED".equals(complaint(HEALTHY_1).get("status")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !sequences("complaints").isEmpty()
                && letters(sequences("complaints").get(0)).size() == 2);

        assertThat(complaint(POISON_1).get("handlerId")).isNull();
        Map<String, Object> sequence = sequences("complaints").get(0);
        assertThat(sequence.get("sequence")).isEqualTo(POISON_1);
        List<Map<String, Object>> letters = letters(sequence);
        assertThat(letters).extracting(letter -> letter.get("eventType"))
                           .containsExactly("ComplaintAcknowledged", "ComplaintAssigned");
        assertThat(letters.get(0).get("causeMessage")).isEqualTo("cannot handle " + POISON_1);
        assertThat(letters.get(0).get("causeType")).isEqualTo(IllegalStateException.class.getName());
        assertThat(letters.get(0).get("failures")).isEqualTo(1);
        assertThat(letters.get(0).get("aggregateSequence")).isEqualTo(1);
        assertThat(letters.get(0).get("position")).isNotNull();
        assertThat(letters.get(1).get("causeMessage")).isNull();
        assertThat(deadLetters("complaints").get(0).get("size")).isEqualTo(2);

        Map<?, ?> inVain = retry("complaints", null);
        assertThat(inVain.get("failed")).isEqualTo(List.of(POISON_1));
        assertThat(inVain.get("succeeded")).isEqualTo(List.of());
        assertThat(letters(sequences("complaints").get(0)).get(0).get("failures")).isEqualTo(2);

        handler.broken.set(false);
        Map<?, ?> fixed = retry("complaints", POISON_1);

        assertThat(fixed.get("succeeded")).isEqualTo(List.of(POISON_1));
        assertThat(sequences("complaints")).isEmpty();
        assertThat(complaint(POISON_1).get("status")).isEqualTo("ASSIGNED");
        assertThat(complaint(POISON_1).get("handlerId")).isEqualTo("handler-9");

        publish(POISON_1, 3, new FollowUpRecorded(POISON_1, "handler-9", "customer-1", "called"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                (List<?>) complaint(POISON_1).get("history")).hasSize(4));
    }

    @Test
    void evictingGivesUpOnTheParkedEventsAndTheAggregatesNewEventsFlowAgain() {
        register(POISON_2);
        publish(POISON_2, 1, new ComplaintAcknowledged(POISON_2, "clerk-2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences("complaints").stream().anyMatch(
                sequence -> POISON_2.equals(sequence.get("sequence"))));

        ResponseEntity<Map> evicted = admin().exchange("/api/admin/dead-letters/complaints/" + POISON_2,
                                                    HttpMethod.DELETE, null, Map.class);

        assertThat(evicted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(evicted.getBody().get("evicted")).isEqualTo(1);
        assertThat(sequences("complaints")).noneMatch(sequence -> POISON_2.equals(sequence.get("sequence")));
        publish(POISON_2, 2, new ComplaintAssigned(POISON_2, "supervisor-1", "metering", "handler-9"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "handler-9".equals(complaint(POISON_2).get("handlerId")));
    }

    @Test
    void aResetOfTheGroupEmptiesItsQueueAndTheReplayRebuildsTheWholeView() {
        register(POISON_3);
        publish(POISON_3, 1, new ComplaintAcknowledged(POISON_3, "clerk-2"));
        publish(POISON_3, 2, new ComplaintAssigned(POISON_3, "supervisor-1", "metering", "handler-9"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences("complaints").stream().anyMatch(
                sequence -> POISON_3.equals(sequence.get("sequence"))));
        handler.broken.set(false);

        StreamingEventProcessor processor = processing.eventProcessor("complaints", StreamingEventProcessor.class)
                                                      .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(sequences("complaints")).isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/api/complaints/" + POISON_3, Map.class)
                                                               .getStatusCode().is2xxSuccessful()
                && "handler-9".equals(complaint(POISON_3).get("handlerId")));
        assertThat(sequences("complaints")).isEmpty();
    }

    @Test
    void everyGroupOfTheQuerySideHasAQueueAndUnknownOnesAreProblems() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = admin().getForObject("/api/admin/dead-letters", List.class);
        assertThat(all).extracting(group -> group.get("group"))
                       .contains("complaints", "work-orders", "applications", "payments", "visit-timeline");

        ResponseEntity<Map> unknownParameter = admin().getForEntity("/api/admin/dead-letters?group=nope",
                                                                    Map.class);
        assertThat(unknownParameter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownParameter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = ((List<Map<String, Object>>) unknownParameter.getBody().get("errors")).get(0);
        assertThat(error.get("field")).isEqualTo("group");
        assertThat((List<Object>) error.get("allowedValues")).contains("complaints", "payments");

        assertThat(admin().postForEntity("/api/admin/dead-letters/nope/retry", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().postForEntity("/api/admin/dead-letters/complaints/retry?sequence=nope", null, Map.class)
                       .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().exchange("/api/admin/dead-letters/complaints/nope", HttpMethod.DELETE, null, Map.class)
                       .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
