package org.servicehall.query.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.visit.CustomerGreeted;
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
import java.util.ArrayList;
import java.util.List;
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
                                                               "payments", "visit-search", "visit-timeline",
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
    void anUnknownRebuildIsNotFound() {
        HttpResponse<String> response = admin().get("/api/admin/rebuilds/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void allRebuildsEveryViewOncePerRequestAndASecondRequestWhileOneRunsIsRefused() {
        String visit = UUID.randomUUID().toString();
        publish(visit, 0, new VisitStarted(visit, "hall-1"));
        publish(visit, 1, new CustomerGreeted(visit, "guide-7", true, true, false, false));
        String timeline = "/api/visits/" + visit + "/timeline";
        await(timeline);
        String before = admin().get(timeline).body();
        int timelineGeneration = generations.storedActive("visit-timeline");
        int searchGeneration = generations.storedActive("visit-search");

        HttpResponse<String> all = admin().post("{\"view\": \"all\"}");
        HttpResponse<String> again = admin().post("{\"view\": \"visit-search\"}");

        assertThat(all.statusCode()).as(all.body()).isEqualTo(202);
        assertThat(all.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/api/admin/rebuilds");
        JsonNode requested = admin().json(all).get("rebuilds");
        assertThat(requested).extracting(rebuild -> rebuild.get("view").asText())
                             .containsExactlyElementsOf(generations.views().keySet().stream().sorted().toList());
        assertThat(requested).allSatisfy(rebuild -> assertThat(rebuild.get("status").asText()).isEqualTo("PENDING"));
        JsonNode search = requested.get(5);
        assertThat(search.get("generation").asInt()).isEqualTo(searchGeneration + 1);
        assertThat(search.get("previousGeneration").asInt()).isEqualTo(searchGeneration);
        assertThat(requested.get(6).get("generation").asInt()).isEqualTo(timelineGeneration + 1);
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode refusal = admin().json(again);
        assertThat(refusal.get("rule").asText()).isEqualTo("rebuild-in-progress");
        assertThat(refusal.get("detail").asText()).contains("View visit-search is being rebuilt (rebuild "
                                                                    + search.get("id").asText() + ")");

        List<String> firsts = new ArrayList<>();
        requested.forEach(rebuild -> firsts.add(rebuild.get("id").asText()));
        for (String id : firsts) {
            JsonNode done = admin().awaitFinished(id, A_WHILE);
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        }
        assertThat(generations.storedActive("visit-timeline")).isEqualTo(timelineGeneration + 1);
        assertThat(generations.storedActive("visit-search")).isEqualTo(searchGeneration + 1);
        assertThat(admin().get(timeline).body()).isEqualTo(before);

        String second = admin().request("visit-timeline");
        HttpResponse<String> single = admin().get("/api/admin/rebuilds/" + second);
        assertThat(single.statusCode()).isEqualTo(200);
        JsonNode done = admin().awaitFinished(second, A_WHILE);

        assertThat(done.get("generation").asInt()).isEqualTo(timelineGeneration + 2);
        assertThat(done.get("previousGeneration").asInt()).isEqualTo(timelineGeneration + 1);
        assertThat(admin().get(timeline).body()).isEqualTo(before);
        // the previous generation is kept, the one before it is gone
        assertThat(collections()).contains("visit_timelines__g" + (timelineGeneration + 2),
                                           "visit_timelines__g" + (timelineGeneration + 1),
                                           "visit_summaries__g" + (searchGeneration + 1))
                                 .doesNotContain("visit_timelines", "visit_timeline_members");
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
                () -> positions.hasReached("visit-search", engine.headPosition())
                        && positions.hasReached("visit-timeline", engine.headPosition()));
    }

    private List<String> collections() {
        return mongo.getMongoDatabase().listCollectionNames().into(new ArrayList<>());
    }
}
