package org.servicehall.command.visit;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.GreetCustomer;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.SeeOffCustomer;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.testing.EventFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Visits stored by earlier versions, exactly as stored (platform's {@code event-fixtures/visit}), still load into the
 * aggregate: it refuses and accepts commands by what they recorded, and the greetings read in today's shape through
 * the upcasters.
 */
@CommandSideTest
class OldRevisionsTest {

    /** Stored without revisions: seen off, and greeted only. */
    static final String FIRST_SEEN_OFF = "1791675d-98ec-49ba-bf1f-ade8070a24de";
    static final String FIRST_GREETED = "bba420f3-eef7-421d-afeb-7e52e560be1d";
    /** Stored at revision 1: seen off (rainy, no umbrella stand), and greeted only (dry). */
    static final String REVISION_1_SEEN_OFF = "95349b6a-a8e7-4be9-ad4b-9a77f0db98c9";
    static final String REVISION_1_GREETED = "390a3694-e837-4d1d-a1a8-758496ef4c92";

    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;

    @BeforeEach
    void storeOldRevisions() {
        EventFixtures.load(mongo.getMongoDatabase(), "event-fixtures/visit/without-revision.json");
        EventFixtures.load(mongo.getMongoDatabase(), "event-fixtures/visit/revision-1.json");
    }

    @Test
    void greetingsOfEveryStoredShapeReadInTodaysShape() {
        assertThat(payloads(FIRST_SEEN_OFF)).containsExactly(
                new VisitStarted(FIRST_SEEN_OFF, "dalian-01"),
                new CustomerGreeted(FIRST_SEEN_OFF, "guide-07", false, false, false, false, false),
                new RoutedToCounter(FIRST_SEEN_OFF, "guide-07", "3"),
                new CustomerSeenOff(FIRST_SEEN_OFF, "clerk-02", false));
        assertThat(payloads(REVISION_1_SEEN_OFF)).element(1).isEqualTo(
                new CustomerGreeted(REVISION_1_SEEN_OFF, "guide-07", true, false, true, true, true));
        assertThat(payloads(REVISION_1_SEEN_OFF)).element(3).isEqualTo(
                new CustomerSeenOff(REVISION_1_SEEN_OFF, "clerk-02", true));
        assertThat(payloads(REVISION_1_GREETED)).element(1).isEqualTo(
                new CustomerGreeted(REVISION_1_GREETED, "guide-07", false, false, false, false, true));
    }

    @Test
    void aVisitSeenOffInAnOldShapeIsOver() {
        for (String visit : List.of(FIRST_SEEN_OFF, REVISION_1_SEEN_OFF)) {
            assertThatThrownBy(() -> commands.sendAndWait(new SeeOffCustomer(visit, "clerk-02", true)))
                    .isInstanceOfSatisfying(RuleViolation.class,
                                            violation -> assertThat(violation.rule()).isEqualTo("visit-over"));
        }
    }

    @Test
    void aVisitGreetedInAnOldShapeRefusesASecondGreetingAndGoesOn() {
        for (String visit : List.of(FIRST_GREETED, REVISION_1_GREETED)) {
            assertThatThrownBy(() -> commands.sendAndWait(new GreetCustomer(visit, "guide-08", false, false,
                                                                             false, false)))
                    .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.rule())
                            .isEqualTo("customer-already-greeted"));

            commands.sendAndWait(new SeeOffCustomer(visit, "clerk-02", true));

            assertThat(payloads(visit)).hasSize(3).last().isEqualTo(new CustomerSeenOff(visit, "clerk-02", true));
        }
    }

    private List<Object> payloads(String visitId) {
        return eventStore.readEvents(visitId).asStream().map(EventMessage::getPayload).map(Object.class::cast)
                         .toList();
    }
}
