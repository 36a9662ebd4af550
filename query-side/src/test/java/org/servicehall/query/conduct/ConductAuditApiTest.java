package org.servicehall.query.conduct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

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
 * The audit over HTTP, with events fed to the event store: findings and rates, the rules in effect as configured
 * (one rule switched off, one threshold changed), a 400 naming each bad parameter, and a reset that rebuilds the same
 * findings.
 */
@QuerySideTest
@TestPropertySource(properties = {"hall.audit.rules.wet-floor-sign.enabled=false",
        "hall.audit.rules.work-order-chased-before-due.lead=2h"})
class ConductAuditApiTest {

    private static final String RANGE = "hall=hall-1&from=2026-11-30&to=2026-12-31";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    private void publish(AuditEvents... streams) {
        for (AuditEvents stream : streams) {
            eventStore.publish(new ArrayList<>(stream.events()));
        }
    }

    private Response get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                           .header("Accept", "application/json")
                           .header("Authorization", HallClient.authorization("compliance")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), json.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Response(int status, JsonNode body) {
    }

    private List<String> findingRules(String query) {
        List<String> rules = new ArrayList<>();
        get("/api/audit/findings?" + query).body().path("findings").forEach(f -> rules.add(f.path("rule").asText()));
        return rules;
    }

    @Test
    void findingsRatesRulesAndARebuild() {
        AuditEvents belongings = AuditScenarios.belongingsNotReminded("api-v-1");
        // chased 90 minutes before due: enough for the default lead (1h), not for the configured 2h
        AuditEvents chasedLate = AuditScenarios.consultation("api-c-1", "2026-11-30T15:30", "2026-11-30T16:30",
                                                             "2026-11-30T17:30");
        publish(AuditScenarios.cleanVisit("api-v-0"), belongings, AuditScenarios.noWetFloorSign("api-v-2"),
                chasedLate);

        await().atMost(Duration.ofSeconds(30)).until(() -> findingRules(RANGE).size() == 2);
        Response findings = get("/api/audit/findings?" + RANGE);
        assertThat(findings.status()).isEqualTo(200);
        assertThat(findingRules(RANGE)).containsExactly("belongings-reminder", "work-order-chased-before-due");
        JsonNode finding = findings.body().path("findings").get(0);
        assertThat(finding.path("staffId").asText()).isEqualTo("clerk-2");
        assertThat(finding.path("day").asText()).isEqualTo("2026-11-30");
        assertThat(finding.path("evidence")).hasSize(1);
        assertThat(finding.path("evidence").get(0).path("aggregateType").asText()).isEqualTo("Visit");
        assertThat(finding.path("evidence").get(0).path("aggregateId").asText()).isEqualTo("api-v-1");
        assertThat(finding.path("evidence").get(0).path("sequenceNumber").asLong()).isEqualTo(4);
        assertThat(finding.path("evidence").get(0).path("eventType").asText()).isEqualTo("CustomerSeenOff");
        assertThat(findings.body().path("total").asInt()).isEqualTo(2);
        assertThat(findingRules(RANGE + "&staff=clerk-2&rule=belongings-reminder"))
                .containsExactly("belongings-reminder");

        JsonNode report = get("/api/audit/report?" + RANGE + "&groupBy=rule").body();
        assertThat(report.path("groups").findValuesAsText("key")).doesNotContain("wet-floor-sign");
        JsonNode belongingsRow = groupRow(report, "belongings-reminder");
        assertThat(belongingsRow.path("passes").asInt()).isEqualTo(1);
        assertThat(belongingsRow.path("findings").asInt()).isEqualTo(1);
        assertThat(belongingsRow.path("complianceRate").asDouble()).isEqualTo(0.5);
        JsonNode nothingJudged = groupRow(report, "complaint-callback");
        assertThat(nothingJudged.path("judged").asInt()).isZero();
        assertThat(nothingJudged.has("complianceRate")).as("a rate of nothing is null, not left out").isTrue();
        assertThat(nothingJudged.path("complianceRate").isNull()).isTrue();

        JsonNode rules = get("/api/audit/rules").body();
        assertThat(rules).hasSize(ConductRule.values().length);
        assertThat(ruleRow(rules, "wet-floor-sign").path("enabled").asBoolean()).isFalse();
        assertThat(ruleRow(rules, "work-order-chased-before-due").path("thresholds").path("lead").asText())
                .isEqualTo("2h");
        assertThat(ruleRow(rules, "customer-informed").path("thresholds").path("working-days").asText())
                .isEqualTo("1");

        StreamingEventProcessor processor = processing
                .eventProcessor(ConductAuditProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(30))
               .until(() -> get("/api/audit/findings?" + RANGE).body().equals(findings.body()));
        await().atMost(Duration.ofSeconds(30))
               .until(() -> get("/api/audit/report?" + RANGE + "&groupBy=rule").body().equals(report));
    }

    private static JsonNode groupRow(JsonNode report, String key) {
        for (JsonNode group : report.path("groups")) {
            if (group.path("key").asText().equals(key)) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + report);
    }

    private static JsonNode ruleRow(JsonNode rules, String id) {
        for (JsonNode rule : rules) {
            if (rule.path("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id + " in " + rules);
    }

    @Test
    void badParametersAreNamedWithTheirAllowedValues() {
        Response missing = get("/api/audit/findings");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsText("field")).containsExactly("hall", "from", "to");

        Response unknownRule = get("/api/audit/findings?" + RANGE + "&rule=smile");
        assertThat(unknownRule.status()).isEqualTo(400);
        JsonNode error = unknownRule.body().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("rule");
        assertThat(error.path("in").asText()).isEqualTo("query");
        assertThat(error.path("rejectedValue").asText()).isEqualTo("smile");
        assertThat(error.path("allowedValues")).hasSize(ConductRule.values().length - 1);

        Response disabled = get("/api/audit/findings?" + RANGE + "&rule=wet-floor-sign");
        assertThat(disabled.status()).isEqualTo(400);
        assertThat(disabled.body().path("errors").get(0).path("message").asText())
                .isEqualTo("is disabled by hall.audit.rules.wet-floor-sign.enabled");

        Response badGrouping = get("/api/audit/report?" + RANGE + "&groupBy=week");
        assertThat(badGrouping.status()).isEqualTo(400);
        assertThat(badGrouping.body().path("errors").get(0).path("allowedValues").toString())
                .isEqualTo("[\"day\",\"staff\",\"rule\"]");

        Response backwards = get("/api/audit/report?hall=hall-1&from=2026-12-01&to=2026-11-30");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().path("errors").get(0).path("field").asText()).isEqualTo("to");

        Response tooLong = get("/api/audit/report?hall=hall-1&from=2026-01-01&to=2027-01-02");
        assertThat(tooLong.body().path("errors").get(0).path("message").asText())
                .isEqualTo("must be at most 366 days after from");

        Response badPaging = get("/api/audit/findings?" + RANGE + "&page=-1&size=501&from=30.11.2026");
        assertThat(badPaging.status()).isEqualTo(400);
        assertThat(badPaging.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("from", "page", "size");
    }

    @Test
    void aDisabledRuleAndBadPagingAreNamedTogether() {
        Response response = get("/api/audit/findings?" + RANGE + "&rule=wet-floor-sign&size=0&colour=red");

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.body().path("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("rule", "size", "colour");
        assertThat(errors.get(0).path("message").asText())
                .isEqualTo("is disabled by hall.audit.rules.wet-floor-sign.enabled");
        assertThat(errors.get(0).path("rejectedValue").asText()).isEqualTo("wet-floor-sign");
        assertThat(errors.findValuesAsText("in")).containsOnly("query");
    }
}
