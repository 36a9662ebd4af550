package org.servicehall.query.conduct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.EventFixtures;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Visits stored by earlier versions, exactly as stored (platform's {@code event-fixtures/visit}), build the views:
 * the visit timeline, and the audit, which judges the umbrella-stand rule on the revision 1 greeting that recorded a
 * rainy day and not on the first-shape greeting that recorded no conditions at all.
 */
@QuerySideTest
class OldRevisionsTest {

    static final String FIRST_SEEN_OFF = "1791675d-98ec-49ba-bf1f-ade8070a24de";
    static final String FIRST_GREETED = "bba420f3-eef7-421d-afeb-7e52e560be1d";
    static final String REVISION_1_SEEN_OFF = "95349b6a-a8e7-4be9-ad4b-9a77f0db98c9";
    static final String REVISION_1_GREETED = "390a3694-e837-4d1d-a1a8-758496ef4c92";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabaseFactory mongo;

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                           .header("Accept", "application/json")
                           .header("Authorization", HallClient.authorization("compliance")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> summaries(String visitId) {
        JsonNode timeline = get("/api/visits/" + visitId + "/timeline");
        List<String> summaries = new ArrayList<>();
        if (timeline != null) {
            timeline.path("entries").forEach(entry -> summaries.add(entry.path("summary").asText()));
        }
        return summaries;
    }

    @Test
    void oldShapesBuildTheTimelinesAndTheAudit() {
        EventFixtures.load(mongo.getMongoDatabase(), "event-fixtures/visit/without-revision.json");
        EventFixtures.load(mongo.getMongoDatabase(), "event-fixtures/visit/revision-1.json");

        await().atMost(Duration.ofSeconds(30)).until(() -> summaries(FIRST_SEEN_OFF).size() == 4
                && summaries(REVISION_1_SEEN_OFF).size() == 4 && summaries(FIRST_GREETED).size() == 2
                && summaries(REVISION_1_GREETED).size() == 2);
        assertThat(summaries(FIRST_SEEN_OFF).get(1)).isEqualTo("Greeted by guide-07; weather and floor not recorded");
        assertThat(summaries(REVISION_1_SEEN_OFF).get(1))
                .isEqualTo("Greeted by guide-07; rainy, umbrella stand NOT shown; wet floor, caution sign out");
        assertThat(summaries(REVISION_1_GREETED).get(1)).isEqualTo("Greeted by guide-07");

        String range = "hall=dalian-01&from=2026-11-28&to=2026-11-28";
        await().atMost(Duration.ofSeconds(30))
               .until(() -> get("/api/audit/report?" + range).path("total").path("judged").asInt() == 10);
        // first shape: greeting, other needs, belongings, routing; revision 1 adds umbrella stand and wet floor
        List<String> findings = new ArrayList<>();
        get("/api/audit/findings?" + range).path("findings").forEach(finding -> findings.add(
                finding.path("aggregateId").asText() + " " + finding.path("rule").asText() + " "
                + finding.path("evidence").findValuesAsText("sequenceNumber")));
        // The first shape recorded no belongings reminder and no one asked about other needs before the contract.
        assertThat(findings).containsExactlyInAnyOrder(
                FIRST_SEEN_OFF + " other-needs-before-see-off [3]",
                FIRST_SEEN_OFF + " belongings-reminder [3]",
                REVISION_1_SEEN_OFF + " umbrella-stand [1]",
                REVISION_1_SEEN_OFF + " other-needs-before-see-off [3]");
    }
}
