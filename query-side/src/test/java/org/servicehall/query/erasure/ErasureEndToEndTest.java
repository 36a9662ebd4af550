package org.servicehall.query.erasure;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;
import org.servicehall.platform.personaldata.PersonalDataVault;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.servicehall.query.TestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.servicehall.api.PersonalData.Kind.ACCOUNT_NUMBER;
import static org.servicehall.api.PersonalData.Kind.NAME;
import static org.servicehall.api.PersonalData.Kind.PHONE;

/**
 * Personal data through the real wiring: events stored by the event store, a projection keeping it sealed in a view,
 * the read API rendering it by role, a history read by compliance; then an erasure, a rebuild, and a scan of every
 * collection for the original values.
 */
@QuerySideTest
@Import({ErasureEndToEndTest.CallbackCardProjection.class, ErasureEndToEndTest.CallbackCardApi.class})
class ErasureEndToEndTest {

    private static final String K_1 = TestIds.id("k-1");
    private static final String K_2 = TestIds.id("k-2");
    private static final String K_9 = TestIds.id("k-9");

    // The events, as the shared kernel will hold them.

    record ContactDetails(@DataSubject String customerId, @PersonalData(NAME) String name,
                          @PersonalData(PHONE) String phone) {
    }

    record CallbackRequested(@DataSubject String customerId, String complaintId, String hallId,
                             ContactDetails contact, List<ContactDetails> alternates,
                             @PersonalData(ACCOUNT_NUMBER) String accountNumber, @PersonalData String note) {
    }

    record CallbackRecorded(String complaintId, ContactDetails reached, String satisfaction) {
    }

    // A view and its projection, as a feature would write them.

    @org.springframework.data.mongodb.core.mapping.Document("callback_cards")
    record CallbackCard(@Id String complaintId, String customerId, String hallId, @PersonalData(NAME) String name,
                        @PersonalData(PHONE) String phone, @PersonalData(ACCOUNT_NUMBER) String accountNumber,
                        @PersonalData String note, List<Alternate> alternates) {

        record Alternate(String customerId, @PersonalData(NAME) String name, @PersonalData(PHONE) String phone) {
        }
    }

    @TestConfiguration
    @ProcessingGroup(CallbackCardProjection.NAME)
    static class CallbackCardProjection {

        static final String NAME = "callback-cards";

        @Autowired
        MongoTemplate mongo;
        @Autowired
        PersonalDataVault vault;

        @EventHandler
        void on(CallbackRequested event) {
            ContactDetails contact = event.contact();
            mongo.save(new CallbackCard(
                    event.complaintId(), event.customerId(), event.hallId(),
                    vault.seal(contact.customerId(), contact.name()), vault.seal(contact.customerId(), contact.phone()),
                    vault.seal(event.customerId(), event.accountNumber()), vault.seal(event.customerId(), event.note()),
                    event.alternates().stream()
                         .map(other -> new CallbackCard.Alternate(other.customerId(),
                                                                  vault.seal(other.customerId(), other.name()),
                                                                  vault.seal(other.customerId(), other.phone())))
                         .toList()));
        }

        @ResetHandler
        void reset() {
            mongo.dropCollection(CallbackCard.class);
        }
    }

    @TestConfiguration
    @RestController
    static class CallbackCardApi {

        @Autowired
        MongoTemplate mongo;

        @GetMapping(path = "/api/callback-cards/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        CallbackCard card(@PathVariable String id) {
            return Optional.ofNullable(mongo.findById(id, CallbackCard.class))
                           .orElseThrow(() -> new NotFound("Callback card", id));
        }

    }

    private static final String ZHANG = UUID.randomUUID().toString();
    private static final String LI = UUID.randomUUID().toString();
    private static final List<String> CLEAR_VALUES = List.of("张三丰", "13812341234", "6222020200112233",
                                                             "住在幸福小区3号楼", "李四", "13998765432");

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoTemplate mongo;
    HallClient http;

    @BeforeEach
    void client() {
        http = HallClient.on(port);
    }

    @Test
    void anErasureLeavesNoClearPersonalDataAnywhereAndTheRestOfTheHistoryIntact() {
        publish(K_1, 0, new CallbackRequested(ZHANG, K_1, "hall-1", new ContactDetails(ZHANG, "张三丰", "13812341234"),
                                                List.of(new ContactDetails(LI, "李四", "13998765432")),
                                                "6222020200112233", "住在幸福小区3号楼, 下午方便接电话"));
        publish(K_1, 1, new CallbackRecorded(K_1, new ContactDetails(ZHANG, "张三丰", "13812341234"),
                                               "SATISFIED"));
        publish(K_2, 0, new CallbackRequested(LI, K_2, "hall-2", new ContactDetails(LI, "李四", "13998765432"),
                                                List.of(), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/callback-cards/" + K_2).getStatusCode()
                                                               .is2xxSuccessful());
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/callback-cards/" + K_1).getStatusCode()
                                                               .is2xxSuccessful());
        assertThat(clearValuesInTheDatabase()).as("personal data is never stored in clear").isEmpty();

        Map<String, Object> masked = Map.of(
                "complaintId", K_1, "customerId", ZHANG, "hallId", "hall-1", "name", "张**",
                "phone", "138****1234", "accountNumber", "************2233", "note", "***",
                "alternates", List.of(Map.of("customerId", LI, "name", "李*", "phone", "139****5432")));
        assertThat(card(K_1, null)).isEqualTo(masked);
        for (String maskedRole : List.of("analyst", "supervisor", "admin")) {
            assertThat(card(K_1, maskedRole)).as(maskedRole).isEqualTo(masked);
        }
        assertThat(card(K_1, "compliance")).isEqualTo(Map.of(
                "complaintId", K_1, "customerId", ZHANG, "hallId", "hall-1", "name", "张三丰",
                "phone", "13812341234", "accountNumber", "6222020200112233", "note", "住在幸福小区3号楼, 下午方便接电话",
                "alternates", List.of(Map.of("customerId", LI, "name", "李四", "phone", "13998765432"))));
        assertThat(history(K_1)).hasSize(2);
        assertThat(history(K_1).get(1)).isEqualTo(Map.of(
                "complaintId", K_1, "satisfaction", "SATISFIED",
                "reached", Map.of("customerId", ZHANG, "name", "张三丰", "phone", "13812341234")));
        assertThat(http.as("analyst").get("/api/history/complaints/" + K_1).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> erased = http.as("compliance").post("/api/customers/{id}/erasure",
                                                                "{\"reason\": \"PIPL art. 47 request 2026-0042\"}",
                                                                ZHANG);
        ResponseEntity<Map> again = http.as("compliance").post("/api/customers/{id}/erasure",
                                                               "{\"reason\": \"asked twice\"}", ZHANG);

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody()).containsEntry("customerId", ZHANG).containsEntry("outcome", "ERASED")
                                    .containsEntry("requestedBy", "compliance")
                                    .containsEntry("roles", List.of("COMPLIANCE"))
                                    .containsEntry("reason", "PIPL art. 47 request 2026-0042")
                                    .containsKeys("id", "requestedAt");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("outcome", "ALREADY_ERASED");

        Map<String, Object> afterErasure = Map.of(
                "complaintId", K_1, "customerId", ZHANG, "hallId", "hall-1", "name", "[erased]",
                "phone", "[erased]", "accountNumber", "[erased]", "note", "[erased]",
                "alternates", List.of(Map.of("customerId", LI, "name", "李四", "phone", "13998765432")));
        assertThat(card(K_1, "compliance")).isEqualTo(afterErasure);
        assertThat(card(K_1, null)).isEqualTo(Map.of(
                "complaintId", K_1, "customerId", ZHANG, "hallId", "hall-1", "name", "[erased]",
                "phone", "[erased]", "accountNumber", "[erased]", "note", "[erased]",
                "alternates", List.of(Map.of("customerId", LI, "name", "李*", "phone", "139****5432"))));
        assertThat(card(K_2, "compliance")).containsEntry("name", "李四").containsEntry("phone", "13998765432");
        List<Map<String, Object>> history = history(K_1);
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).isEqualTo(Map.of(
                "customerId", ZHANG, "complaintId", K_1, "hallId", "hall-1", "accountNumber", "[erased]",
                "note", "[erased]", "contact", Map.of("customerId", ZHANG, "name", "[erased]", "phone", "[erased]"),
                "alternates", List.of(Map.of("customerId", LI, "name", "李四", "phone", "13998765432"))));
        assertThat(history.get(1)).isEqualTo(Map.of(
                "complaintId", K_1, "satisfaction", "SATISFIED",
                "reached", Map.of("customerId", ZHANG, "name", "[erased]", "phone", "[erased]")));

        rebuildTheView();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/callback-cards/" + K_1).getStatusCode()
                                                               .is2xxSuccessful());
        assertThat(card(K_1, "compliance")).as("rebuilt from the history").isEqualTo(afterErasure);

        assertThat(clearValuesInTheDatabase()).isEmpty();
        assertThat(mongo.getDb().getCollection("personal_data_keys").find(new Document("_id", ZHANG)).first())
                .as("the key is gone, so the sealed values can never be opened again")
                .doesNotContainKey("key").containsKey("erasedAt");
    }

    @Test
    void erasureRequestsAreCheckedRecordedAndEveryHistoryReadIsLogged() {
        String customer = UUID.randomUUID().toString();
        publish(K_9, 0, new CallbackRequested(customer, K_9, "hall-1", new ContactDetails(customer, "王五", "137"),
                                                List.of(), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/callback-cards/" + K_9).getStatusCode()
                                                               .is2xxSuccessful());

        ResponseEntity<Map> unknown = http.as("compliance").post("/api/customers/{id}/erasure",
                                                                 "{\"reason\": \"typo?\"}", "no-such-customer");
        ResponseEntity<Map> noReason = http.as("compliance").post("/api/customers/{id}/erasure", "{}", customer);
        ResponseEntity<Map> notJson = http.as("compliance").post("/api/customers/{id}/erasure", "reason", customer);
        http.as("compliance").get("/api/history/complaints/" + K_9 + "?atSequence=0");
        http.as("analyst").get("/api/history/complaints/" + K_9);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody().get("detail")).isEqualTo("Personal data of customer no-such-customer does "
                                                              + "not exist");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("errors").toString()).contains("field=reason");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(card(K_9, "compliance")).as("nothing erased by bad requests").containsEntry("name", "王五");

        List<Map<String, Object>> erasures = new ArrayList<>();
        mongo.getDb().getCollection("personal_data_erasures").find().forEach(erasures::add);
        assertThat(erasures).extracting(erasure -> erasure.get("customerId"), erasure -> erasure.get("outcome"),
                                        erasure -> erasure.get("requestedBy"))
                            .contains(tuple("no-such-customer", "UNKNOWN_CUSTOMER",
                                                                           "compliance"));

        ResponseEntity<Map> log = http.as("compliance").get("/api/history/access-log");
        assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(log.getBody()).containsEntry("truncated", false).containsKeys("from", "to");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) log.getBody().get("entries");
        assertThat(entries).extracting(entry -> entry.get("user"), entry -> entry.get("what"))
                           .contains(tuple(
                                             "compliance", "POST /api/customers/no-such-customer/erasure"),
                                     tuple(
                                             "compliance", "GET /api/history/complaints/" + K_9 + "?atSequence=0"))
                           .noneMatch(entry -> "analyst".equals(entry.toList().get(0)));
        assertThat(entries).allSatisfy(entry -> assertThat(entry).containsKeys("id", "at", "roles"));
        assertThat(entries.get(0).get("roles")).isEqualTo(List.of("COMPLIANCE"));

        ResponseEntity<Map> badWindow = http.as("compliance").get("/api/history/access-log?from=2026-01-02T00:00:00Z"
                                                                  + "&to=2026-01-01T00:00:00Z");
        ResponseEntity<Map> badLimit = http.as("compliance").get("/api/history/access-log?limit=0");
        ResponseEntity<Map> badTime = http.as("compliance").get("/api/history/access-log?from=yesterday");
        ResponseEntity<Map> onePerPage = http.as("compliance").get("/api/history/access-log?limit=1");
        assertThat(badWindow.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badWindow.getBody().get("errors").toString()).contains("field=from", "in=query");
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLimit.getBody().get("errors").toString()).contains("field=limit", "rejectedValue=0");
        assertThat(badTime.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badTime.getBody().get("errors").toString()).contains("field=from");
        assertThat(onePerPage.getBody()).containsEntry("truncated", true);
        assertThat((List<?>) onePerPage.getBody().get("entries")).hasSize(1);
    }

    private void publish(String complaint, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Complaint", complaint, sequence, payload));
    }

    private Map<String, Object> card(String id, String user) {
        ResponseEntity<Map> response = (user == null ? http : http.as(user)).get("/api/callback-cards/{id}", id);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(String complaint) {
        ResponseEntity<Map> response = http.as("compliance").get("/api/history/complaints/{id}", complaint);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) response.getBody().get("events")).stream()
                .map(event -> (Map<String, Object>) event.get("payload")).toList();
    }

    private void rebuildTheView() {
        StreamingEventProcessor processor = processing
                .eventProcessor(CallbackCardProjection.NAME, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    /** Every value and field name of every document of every collection, as text, that holds an original value. */
    private List<String> clearValuesInTheDatabase() {
        MongoDatabase database = mongo.getDb();
        List<String> found = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                List<String> texts = new ArrayList<>(List.of(document.toJson()));
                collectTexts(document, texts);
                for (String value : CLEAR_VALUES) {
                    if (texts.stream().anyMatch(text -> text.contains(value))) {
                        found.add(collection + " " + document.get("_id") + ": " + value);
                    }
                }
            }
        }
        return found;
    }

    private static void collectTexts(Object value, List<String> texts) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> {
                texts.add(String.valueOf(key));
                collectTexts(nested, texts);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(element -> collectTexts(element, texts));
        } else if (value instanceof Binary binary) {
            texts.add(new String(binary.getData(), StandardCharsets.UTF_8));
        } else if (value != null) {
            texts.add(value.toString());
        }
    }
}
