package org.servicehall.platform.axon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.personaldata.PersonalDataVault;
import org.servicehall.platform.personaldata.TestVault;
import org.servicehall.platform.testing.TestMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicehall.api.PersonalData.Kind.ACCOUNT_NUMBER;
import static org.servicehall.api.PersonalData.Kind.NAME;
import static org.servicehall.api.PersonalData.Kind.PHONE;

/** The storage serializer seals personal data on write, opens it on read, and reads it as erased after an erasure. */
class PersonalDataSerializationTest {

    record ContactDetails(@DataSubject String customerId, @PersonalData(NAME) String name,
                          @PersonalData(PHONE) String phone) {
    }

    record CallbackRequested(String complaintId, ContactDetails contact, List<ContactDetails> alternates,
                             long amountInFen, Instant requestedAt) {
    }

    record AccountOpened(@DataSubject String customerId, @PersonalData(ACCOUNT_NUMBER) String accountNumber,
                         @PersonalData LocalDate birthDate, @PersonalData Long depositInFen,
                         @PersonalData List<String> notes, String hallId) {
    }

    /** The shape events had before an upcaster renamed both the type and its {@code phone}. */
    record PhoneNotedV1(@DataSubject String customerId, @PersonalData(PHONE) String phone) {
    }

    @Revision("2")
    record PhoneNoted(@DataSubject String customerId, @PersonalData(PHONE) String mobile) {
    }

    /** Snapshots serialize aggregates by their fields. */
    static final class CustomerCard {
        @DataSubject
        private String customerId;
        @PersonalData(NAME)
        private String name;
        private int visits;

        CustomerCard() {
        }

        CustomerCard(String customerId, String name, int visits) {
            this.customerId = customerId;
            this.name = name;
            this.visits = visits;
        }
    }

    record NoSubject(String customerId, @PersonalData String name) {
    }

    record TwoSubjects(@DataSubject String customerId, @DataSubject String otherId, @PersonalData String name) {
    }

    record PrimitivePersonalData(@DataSubject String customerId, @PersonalData long income) {
    }

    private static final String ZHANG = "c-zhang";
    private static final String LI = "c-li";
    private static final List<String> CLEAR_VALUES = List.of("张三丰", "13812341234", "李四", "13998765432",
                                                             "6222020200112233", "1990-05-17", "987654321",
                                                             "prefers calls after 18:00");

    private final TestMongo mongo = TestMongo.start();
    private final PersonalDataVault vault = TestVault.on(mongo.database());
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(AxonConfiguration.storageObjectMapper(vault)).build();

    @AfterEach
    void close() {
        mongo.close();
    }

    private static CallbackRequested callback() {
        return new CallbackRequested("k-1", new ContactDetails(ZHANG, "张三丰", "13812341234"),
                                     List.of(new ContactDetails(LI, "李四", "13998765432"),
                                             new ContactDetails(ZHANG, "张三丰", null)),
                                     1500, Instant.parse("2026-11-28T01:02:03Z"));
    }

    private static AccountOpened account() {
        return new AccountOpened(ZHANG, "6222020200112233", LocalDate.parse("1990-05-17"), 987654321L,
                                 List.of("prefers calls after 18:00"), "hall-1");
    }

    @Test
    void personalDataIsWrittenSealedAndReadBackInClear() {
        for (Object event : List.of(callback(), account())) {
            SerializedObject<String> stored = serializer.serialize(event, String.class);

            assertThat(stored.getData()).doesNotContain(CLEAR_VALUES).contains("\"pd:v1:" + ZHANG + ":");
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        }
        assertThat(serializer.serialize(callback(), String.class).getData())
                .as("the facts that are not personal stay readable")
                .contains("\"complaintId\":\"k-1\"", "\"customerId\":\"c-li\"", "\"amountInFen\":1500",
                          "\"phone\":null");
    }

    @Test
    void theSameValueIsSealedDifferentlyEachTime() {
        String first = serializer.serialize(account(), String.class).getData();
        String second = serializer.serialize(account(), String.class).getData();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void afterAnErasureTheCustomersPersonalDataReadsErasedAndEverythingElseStays() {
        SerializedObject<String> callback = serializer.serialize(callback(), String.class);
        SerializedObject<String> account = serializer.serialize(account(), String.class);

        vault.erase(ZHANG);

        assertThat((Object) serializer.deserialize(callback)).isEqualTo(new CallbackRequested(
                "k-1", new ContactDetails(ZHANG, PersonalDataVault.ERASED, PersonalDataVault.ERASED),
                List.of(new ContactDetails(LI, "李四", "13998765432"),
                        new ContactDetails(ZHANG, PersonalDataVault.ERASED, null)),
                1500, Instant.parse("2026-11-28T01:02:03Z")));
        assertThat((Object) serializer.deserialize(account))
                .as("values that are not strings read as null")
                .isEqualTo(new AccountOpened(ZHANG, PersonalDataVault.ERASED, null, null, null, "hall-1"));
    }

    @Test
    void theEventStoreKeepsOnlySealedValuesAndAStreamReadsErasedWithItsOrderIntact() {
        SequencedEventStorageEngine engine = SequencedEventStorageEngine.builder()
                                                                        .database(mongo.database())
                                                                        .eventSerializer(serializer)
                                                                        .snapshotSerializer(serializer)
                                                                        .build();
        engine.ensureIndexes();
        engine.appendEvents(event("k-1", 0, account()), event("k-1", 1, callback()));
        engine.appendEvents(event("k-1", 2, new PhoneNoted(ZHANG, "13812341234")));

        assertThat(storedDocuments()).doesNotContain(CLEAR_VALUES);
        assertThat(payloads(engine)).containsExactly(account(), callback(), new PhoneNoted(ZHANG, "13812341234"));

        vault.erase(ZHANG);

        List<? extends DomainEventMessage<?>> erased = engine.readEvents("k-1").asStream().toList();
        assertThat(erased).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(erased).extracting(DomainEventMessage::getIdentifier)
                          .doesNotContainNull().doesNotHaveDuplicates();
        assertThat(erased.get(0).getPayload()).isEqualTo(
                new AccountOpened(ZHANG, PersonalDataVault.ERASED, null, null, null, "hall-1"));
        assertThat(((CallbackRequested) erased.get(1).getPayload()).alternates().get(0))
                .isEqualTo(new ContactDetails(LI, "李四", "13998765432"));
        assertThat(erased.get(2).getPayload()).isEqualTo(new PhoneNoted(ZHANG, PersonalDataVault.ERASED));
    }

    @Test
    void anUpcasterCanRenameASealedFieldAndItStillOpens() {
        SingleEventUpcaster rename = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return representation.getType().getName().equals(PhoneNotedV1.class.getName());
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(
                        new SimpleSerializedType(PhoneNoted.class.getName(), "2"), ObjectNode.class, payload -> {
                            payload.set("mobile", payload.remove("phone"));
                            return payload;
                        });
            }
        };
        SequencedEventStorageEngine engine = SequencedEventStorageEngine.builder()
                                                                        .database(mongo.database())
                                                                        .eventSerializer(serializer)
                                                                        .snapshotSerializer(serializer)
                                                                        .upcasterChain(new EventUpcasterChain(rename))
                                                                        .build();
        engine.ensureIndexes();
        engine.appendEvents(event("p-1", 0, new PhoneNotedV1(ZHANG, "13812341234")));

        assertThat(payloads(engine, "p-1")).containsExactly(new PhoneNoted(ZHANG, "13812341234"));
        vault.erase(ZHANG);
        assertThat(payloads(engine, "p-1")).containsExactly(new PhoneNoted(ZHANG, PersonalDataVault.ERASED));
    }

    @Test
    void snapshotsOfAggregatesSealTheirPersonalFieldsToo() {
        SerializedObject<String> stored = serializer.serialize(new CustomerCard(ZHANG, "张三丰", 3), String.class);

        assertThat(stored.getData()).doesNotContain("张三丰").contains("\"visits\":3");
        CustomerCard card = serializer.deserialize(stored);
        assertThat(card.name).isEqualTo("张三丰");
        vault.erase(ZHANG);
        CustomerCard erased = serializer.deserialize(stored);
        assertThat(erased.name).isEqualTo(PersonalDataVault.ERASED);
        assertThat(erased.visits).isEqualTo(3);
    }

    @Test
    void valuesStoredInClearBeforeReadAsTheyAre() {
        String legacy = "{\"customerId\":\"c-zhang\",\"name\":\"张三丰\",\"phone\":\"13812341234\"}";

        Object read = serializer.deserialize(new SimpleSerializedObject<>(
                legacy, String.class, ContactDetails.class.getName(), null));

        assertThat(read).isEqualTo(new ContactDetails(ZHANG, "张三丰", "13812341234"));
    }

    @Test
    void personalDataIsNeverStoredInClearForWantOfASubject() {
        assertThatThrownBy(() -> serializer.serialize(new NoSubject("c-1", "张三"), String.class))
                .hasMessageContaining("NoSubject has @PersonalData, so it needs exactly one @DataSubject");
        assertThatThrownBy(() -> serializer.serialize(new TwoSubjects("c-1", "c-2", "张三"), String.class))
                .hasMessageContaining("exactly one @DataSubject");
        assertThatThrownBy(() -> serializer.serialize(new ContactDetails(null, "张三", null), String.class))
                .hasStackTraceContaining("ContactDetails.name holds personal data but its @DataSubject customerId "
                                         + "is null");
        assertThatThrownBy(() -> serializer.serialize(new PrimitivePersonalData("c-1", 5), String.class))
                .hasMessageContaining("use its boxed type");
        assertThat(serializer.serialize(new ContactDetails(null, null, null), String.class).getData())
                .as("without personal values there is nothing to seal")
                .isEqualTo("{\"customerId\":null,\"name\":null,\"phone\":null}");
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Complaint", aggregate, sequence, payload);
    }

    private List<Object> payloads(SequencedEventStorageEngine engine) {
        return payloads(engine, "k-1");
    }

    private static List<Object> payloads(SequencedEventStorageEngine engine, String aggregate) {
        return engine.readEvents(aggregate).asStream().map(event -> (Object) event.getPayload()).toList();
    }

    private String storedDocuments() {
        List<String> json = new ArrayList<>();
        Stream.of("events", "snapshots").forEach(collection -> mongo.database().getCollection(collection).find()
                                                                     .map(Document::toJson).into(json));
        return String.join("\n", json);
    }
}
