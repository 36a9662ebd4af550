package org.servicehall.query.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The figures over HTTP, from events in the event store through the {@code figures} processor: the analyst's question
 * answered through the API alone, bad parameters answered with a 400 naming them, and a reset of the processor
 * rebuilding the same figures.
 */
@QuerySideTest
@TestPropertySource(properties = "hall.figures.waiting-target=15m") // and a context, with a database, of its own
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresApiTest {

    TestRestTemplate http;

    /** Spring's client for this side, signed in as an analyst (see {@link HallClient}). */
    @Autowired
    void signIn(TestRestTemplate template) {
        http = HallClient.signedIn(template);
    }
    @Autowired
    EventStore eventStore;
    @Autowired
    SequencedEventStorageEngine storage;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    void seed() {
        eventStore.publish(HallDay.history());
        awaitProcessed();
    }

    @Test
    void howLongDidPeopleWaitAtHallOneLastWeekByDayAndByBusinessType() throws Exception {
        // The week of Friday 2026-11-27: Monday 23rd to Sunday 29th
        JsonNode byDay = get("/api/figures?hall=hall-1&from=2026-11-23&to=2026-11-29&groupBy=day");
        JsonNode byType = get("/api/figures?hall=hall-1&from=2026-11-23&to=2026-11-29&groupBy=businessType");

        assertThat(byDay.path("groupBy").asText()).isEqualTo("day");
        assertThat(byDay.path("waitingTargetMinutes").asDouble()).isEqualTo(15.0);
        List<String> days = new ArrayList<>();
        byDay.path("rows").forEach(row -> days.add(row.path("group").asText()));
        assertThat(days).containsExactly("2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27",
                                         "2026-11-28", "2026-11-29");
        JsonNode friday = byDay.path("rows").get(4).path("waiting");
        assertThat(friday.path("visits").asLong()).isEqualTo(6);
        assertThat(friday.path("averageMinutes").asDouble()).isEqualTo(12.5);
        assertThat(friday.path("averageSeconds").asDouble()).isEqualTo(750.0);
        assertThat(friday.path("p90Minutes").asDouble()).isEqualTo(20.0);
        assertThat(friday.path("overTargetPercent").asDouble()).isEqualTo(33.3);
        assertThat(byDay.path("rows").get(5).path("waiting").path("averageMinutes").asDouble()).isEqualTo(5.0);
        JsonNode monday = byDay.path("rows").get(0);
        assertThat(monday.path("arrivals").asLong()).isZero();
        assertThat(monday.path("waiting").has("averageMinutes")).isTrue();
        assertThat(monday.path("waiting").path("averageMinutes").isNull()).isTrue();

        JsonNode newConnection = byType.path("rows").get(0);
        assertThat(newConnection.path("group").asText()).isEqualTo("NEW_CONNECTION");
        assertThat(newConnection.path("waiting").path("averageMinutes").asDouble()).isEqualTo(14.0);
        assertThat(newConnection.path("waiting").path("p90Minutes").asDouble()).isEqualTo(20.0);
        assertThat(newConnection.path("routing").path("errorPercent").asDouble()).isEqualTo(33.3);
        JsonNode withoutType = byType.path("rows").get(byType.path("rows").size() - 1);
        assertThat(withoutType.has("group")).isTrue();
        assertThat(withoutType.path("group").isNull()).isTrue();
        assertThat(byType.path("total").path("arrivals").asLong()).isEqualTo(13);
        assertThat(byType.path("total").path("waiting").path("averageMinutes").asDouble()).isEqualTo(11.4);
        assertThat(byType.path("total").path("outcomes").path("LEFT_WITHOUT_SERVICE").asLong()).isEqualTo(1);
        assertThat(byType.path("total").path("satisfaction").path("levels").path("UNSATISFIED").asLong())
                .isEqualTo(1);
    }

    @Test
    void groupByDefaultsToDay() throws Exception {
        assertThat(get("/api/figures?hall=hall-1&from=2026-11-27&to=2026-11-27").path("groupBy").asText())
                .isEqualTo("day");
    }

    @Test
    void badParametersAreNamedWithWhatTheyMayBe() {
        assertBadParameter("/api/figures?from=2026-11-27&to=2026-11-28", "hall");
        assertBadParameter("/api/figures?hall=hall-1&from=27.11.2026&to=2026-11-28", "from");
        assertBadParameter("/api/figures?hall=hall-1&from=2026-11-27", "to");
        assertBadParameter("/api/figures?hall=hall-1&from=2026-11-28&to=2026-11-27", "to");
        assertBadParameter("/api/figures?hall=hall-1&from=2025-01-01&to=2026-01-02", "to");
        assertBadParameter("/api/figures?hall=hall-1&from=2026-11-27&to=2026-11-28&groupby=staff", "groupby");
        assertBadParameter("/api/figures?hall=hall-1&hall=hall-2&from=2026-11-27&to=2026-11-28", "hall");
        JsonNode error = assertBadParameter("/api/figures?hall=hall-1&from=2026-11-27&to=2026-11-28&groupBy=week",
                                            "groupBy");
        assertThat(error.path("message").asText()).contains("day", "businessType", "staff");
        assertThat(error.path("rejectedValue").asText()).isEqualTo("week");
        assertThat(error.path("allowedValues")).extracting(JsonNode::asText)
                                               .containsExactly("day", "businessType", "staff");
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/api/figures?from=yesterday&groupBy=month", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> fields = new ArrayList<>();
        json.readTree(response.getBody()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactly("hall", "from", "to", "groupBy");
    }

    @Test
    void aBadRangeAndABadGroupingAreNamedTogether() throws Exception {
        ResponseEntity<String> response = http.getForEntity(
                "/api/figures?hall=hall-1&from=2026-11-28&to=2026-11-27&groupBy=week", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = json.readTree(response.getBody()).path("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("to", "groupBy");
        assertThat(errors.get(1).path("allowedValues")).extracting(JsonNode::asText)
                                                       .containsExactly("day", "businessType", "staff");
    }

    @Test
    void aFullYearIsAllowed() {
        assertThat(http.getForEntity("/api/figures?hall=hall-1&from=2024-01-01&to=2024-12-31", String.class)
                       .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theOpenApiDescriptionListsTheQueryParameters() throws Exception {
        JsonNode parameters = get("/v3/api-docs").path("paths").path("/api/figures").path("get").path("parameters");

        List<String> query = new ArrayList<>();
        parameters.forEach(parameter -> {
            if (parameter.path("in").asText().equals("query")) {
                query.add(parameter.path("name").asText());
            }
        });
        assertThat(query).contains("hall", "from", "to", "groupBy");
    }

    @Test
    void resettingTheProcessorRebuildsTheSameFigures() throws Exception {
        String url = "/api/figures?hall=hall-1&from=2026-11-27&to=2026-11-28&groupBy=staff";
        JsonNode before = withoutAsOf(get(url));
        StreamingEventProcessor processor = processor();

        processor.shutDown();
        processor.resetTokens();
        processor.start();

        awaitProcessed();
        await().atMost(Duration.ofSeconds(30)).until(() -> withoutAsOf(get(url)).equals(before));
    }

    private JsonNode get(String url) throws Exception {
        ResponseEntity<String> response = http.getForEntity(url, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private JsonNode assertBadParameter(String url, String parameter) {
        ResponseEntity<String> response = http.getForEntity(url, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            JsonNode errors = json.readTree(response.getBody()).path("errors");
            assertThat(errors.size()).as("errors of %s", url).isEqualTo(1);
            assertThat(errors.get(0).path("field").asText()).isEqualTo(parameter);
            assertThat(errors.get(0).path("in").asText()).isEqualTo("query");
            return errors.get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode withoutAsOf(JsonNode figures) {
        ((ObjectNode) figures).remove("asOf");
        return figures;
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(FiguresProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                         .orElseThrow();
    }

    /**
     * Every segment of the figures processor has passed the last position of the event store (after a replay a
     * segment reports replaying until a new event arrives, so that flag cannot tell).
     */
    private void awaitProcessed() {
        long head = storage.headPosition();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var status = processor().processingStatus();
            return !status.isEmpty() && status.values().stream()
                    .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head);
        });
    }
}
