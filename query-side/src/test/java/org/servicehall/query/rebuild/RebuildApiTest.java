package org.servicehall.query.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.query.QuerySideTest;
import org.servicehall.query.support.ViewGenerations;
import org.servicehall.query.support.ViewPositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild API: requests, refusals, progress, and rebuilding every view twice over. */
@QuerySideTest
@TestPropertySource(properties = {"hall.query.generation-cache-ttl=200ms", "hall.rebuilds.grace-period=2s",
        "hall.rebuilds.poll-interval=200ms", "hall.rebuilds.progress-interval=100ms"})
class RebuildApiTest {

    private static final Duration A_WHILE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    SequencedEventStorageEngine engine;
    @Autowired
    ViewPositions positions;
    @Autowired
    ViewGenerations generations;
    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    EventProcessingConfiguration processing;

    private RebuildClient admin;

    private RebuildClient admin() {
        if (admin == null) {
            admin = new RebuildClient(port);
        }
        return admin;
    }

    @Test
    void anUnknownViewIsRefusedNamingTheViews() {
        int rebuilds = admin().json(admin().get("/api/admin/rebuilds")).get("rebuilds").size();

        HttpResponse<String> response = admin().post("{\"view\": \"visit-timelines\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = admin().json(response).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("view");
        assertThat(error.get("in").asText()).isEqualTo("body");
        assertThat(error.get("rejectedValue").asText()).isEqualTo("visit-timelines");
        assertThat(error.get("message").asText()).contains("'visit-timelines' is not a view");
        assertThat(error.get("allowedValues")).extracting(JsonNode::asText)
                                              .containsExactly("applications", "audit", "complaints", "figures",
                                                               "history-visit-members", "payments", "visit-search", "visit-timeline",
                                                               "work-orders", "all");
        assertThat(admin().post("{}").statusCode()).isEqualTo(400);
        assertThat(admin().json(admin().post("{}")).get("errors").get(0).get("message").asText())
                .isEqualTo("is required: a view, or 'all'");
        assertThat(admin().post("{\"view\": \"all\", \"force\": true}").statusCode()).isEqualTo(400);
        assertThat(admin().json(admin().get("/api/admin/rebuilds")).get("rebuilds")).hasSize(rebuilds);
    }

    @Test
    void everyProcessingGroupIsAViewThatCanBeRebuilt() {
        assertThat(generations.views().keySet()).isEqualTo(processing.eventProcessors().keySet());
    }

    @Test
    void aChangeIsInAViewJustSwappedOnceItsRebuildHasAppliedItToo() {
        String visit = UUID.randomUUID().toString();
        publish(visit, 0, new VisitStarted(visit, "hall-3"));
        await("/api/visits/" + visit + "/timeline");
        long position = engine.headPosition();
        String view = "visit-timeline";
        int active = generations.storedActive(view);
        assertThat(generations.lock(view, "a rebuild", Instant.now())).isTrue();
        try {
            generations.activate(view, "a rebuild", active, GapAwareTrackingToken.newInstance(position - 1, List.of()));
            assertThat(positions.hasReached(view, position)).isFalse();
            generations.catchingUp(view, "a rebuild", GapAwareTrackingToken.newInstance(position, List.of()));
            assertThat(positions.hasReached(view, position)).isTrue();
        } finally {
            generations.unlock(view, "a rebuild");
        }
    }

    @Test
    void anUnknownRebuildIsNotFound() {
        HttpResponse<String> response = admin().get("/api/admin/rebuilds/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void allRebuildsEveryViewIdenticalToTheLiveOneAndASecondRequestWhileOneRunsIsRefused() {
        HallHistory history = new HallHistory(eventStore);
        String visit = history.visit("hall-1", Instant.parse("2026-11-30T01:00:00Z"));
        history.visit("hall-2", Instant.parse("2026-11-30T02:00:00Z"));
        history.visit("hall-1", Instant.parse("2026-12-01T01:00:00Z"));
        String timeline = "/api/visits/" + visit + "/timeline";
        await(timeline);
        String before = admin().get(timeline).body();
        Map<String, Integer> active = new TreeMap<>();
        generations.views().keySet().forEach(view -> active.put(view, generations.storedActive(view)));
        Map<String, Map<String, Object>> live = documents(active);
        assertThat(live).allSatisfy((view, documents) -> assertThat(documents).as(view).isNotEmpty());

        HttpResponse<String> all = admin().post("{\"view\": \"all\"}");
        HttpResponse<String> again = admin().post("{\"view\": \"visit-search\"}");

        assertThat(all.statusCode()).as(all.body()).isEqualTo(202);
        assertThat(all.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/api/admin/rebuilds");
        JsonNode requested = admin().json(all).get("rebuilds");
        assertThat(requested).extracting(rebuild -> rebuild.get("view").asText())
                             .containsExactlyElementsOf(active.keySet());
        assertThat(requested).allSatisfy(rebuild -> {
            assertThat(rebuild.get("status").asText()).isEqualTo("PENDING");
            int previous = active.get(rebuild.get("view").asText());
            assertThat(rebuild.get("generation").asInt()).isEqualTo(previous + 1);
            assertThat(rebuild.get("previousGeneration").asInt()).isEqualTo(previous);
        });
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode refusal = admin().json(again);
        assertThat(refusal.get("rule").asText()).isEqualTo("rebuild-in-progress");
        String searchRebuild = requested.get(List.copyOf(active.keySet()).indexOf("visit-search")).get("id").asText();
        assertThat(refusal.get("detail").asText()).contains("View visit-search is being rebuilt (rebuild "
                                                                    + searchRebuild + ")");

        List<String> firsts = new ArrayList<>();
        requested.forEach(rebuild -> firsts.add(rebuild.get("id").asText()));
        for (String id : firsts) {
            JsonNode done = admin().awaitFinished(id, A_WHILE);
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        }
        Map<String, Integer> rebuilt = new TreeMap<>();
        active.forEach((view, generation) -> rebuilt.put(view, generation + 1));
        assertThat(rebuilt).allSatisfy((view, generation) -> assertThat(generations.storedActive(view))
                .isEqualTo(generation));
        // every view was rebuilt identical to the live one, which is kept beside it
        assertThat(documents(rebuilt)).isEqualTo(live);
        assertThat(documents(active)).isEqualTo(live);
        assertThat(admin().get(timeline).body()).isEqualTo(before);

        String second = admin().request("visit-timeline");
        JsonNode done = admin().awaitFinished(second, A_WHILE);

        int timelineGeneration = active.get("visit-timeline");
        assertThat(done.get("generation").asInt()).isEqualTo(timelineGeneration + 2);
        assertThat(done.get("previousGeneration").asInt()).isEqualTo(timelineGeneration + 1);
        assertThat(admin().get(timeline).body()).isEqualTo(before);
        // the previous generation is kept, the one before it is gone
        assertThat(collections()).contains(ViewGenerations.name("visit_timelines", timelineGeneration + 2),
                                           ViewGenerations.name("visit_timelines", timelineGeneration + 1))
                                 .doesNotContain(ViewGenerations.name("visit_timelines", timelineGeneration),
                                                 ViewGenerations.name("visit_timeline_members",
                                                                      timelineGeneration));
        assertThat(admin().json(admin().get("/api/admin/rebuilds")).get("rebuilds"))
                .extracting(rebuild -> rebuild.get("id").asText()).startsWith(second).containsAll(firsts);
    }

    @Test
    void aSingleViewAnswersWithItsRebuildAtItsLocationAndReportsItsProgress() {
        String visit = UUID.randomUUID().toString();
        publish(visit, 0, new VisitStarted(visit, "hall-2"));
        await("/api/visits/" + visit + "/timeline");

        HttpResponse<String> response = admin().post("{\"view\": \"visit-search\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        String id = admin().json(response).get("rebuilds").get(0).get("id").asText();
        assertThat(response.headers().firstValue("Location"))
                .hasValue("http://localhost:" + port + "/api/admin/rebuilds/" + id);
        JsonNode done = admin().awaitFinished(id, A_WHILE);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("view").asText()).isEqualTo("visit-search");
        JsonNode progress = done.get("progress");
        assertThat(progress.get("eventsDone").asLong()).isEqualTo(progress.get("eventsTotal").asLong())
                                                      .isGreaterThanOrEqualTo(1);
        assertThat(progress.get("position").asLong()).isEqualTo(progress.get("headPosition").asLong())
                                                    .isEqualTo(engine.headPosition());
        assertThat(progress.get("estimatedSecondsLeft").asLong()).isZero();
        assertThat(done.get("startedAt").asText()).isLessThanOrEqualTo(done.get("swappedAt").asText());
        assertThat(done.get("swappedAt").asText()).isLessThan(done.get("finishedAt").asText());
    }

    private void publish(String visit, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Visit", visit, sequence, payload,
                                                           MetaData.with(MetadataKeys.OCCURRED_AT,
                                                                         "2026-11-28T01:00:0" + sequence + "Z")));
    }

    private void await(String path) {
        org.awaitility.Awaitility.await().atMost(A_WHILE).until(() -> admin().get(path).statusCode() == 200);
        org.awaitility.Awaitility.await().atMost(A_WHILE).until(
                () -> generations.views().keySet().stream()
                                 .allMatch(view -> positions.hasReached(view, engine.headPosition())));
    }

    /** Every view's documents in the given generations, by view and then by collection and id. */
    private Map<String, Map<String, Object>> documents(Map<String, Integer> generationByView) {
        Map<String, Map<String, Object>> documents = new TreeMap<>();
        generationByView.forEach((view, generation) -> {
            Map<String, Object> ofView = new TreeMap<>();
            for (String collection : generations.view(view).orElseThrow().collections()) {
                ViewDocuments.of(mongo.getMongoDatabase(), ViewGenerations.name(collection, generation))
                             .forEach((id, document) -> ofView.put(collection + "/" + id, document));
            }
            documents.put(view, ofView);
        });
        return documents;
    }

    private List<String> collections() {
        return mongo.getMongoDatabase().listCollectionNames().into(new ArrayList<>());
    }
}
