package org.servicehall.command.visit;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.GreetCustomer;
import org.servicehall.api.visit.RouteToCounter;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.SeeOffCustomer;
import org.servicehall.api.visit.StartVisit;
import org.servicehall.api.visit.VisitStarted;

class VisitTest {

    private AggregateTestFixture<Visit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Visit.class);
    }

    @Test
    void aVisitStartsWhenTheCustomerWalksIn() {
        fixture.givenNoPriorActivity()
               .when(new StartVisit("v-1", "hall-1"))
               .expectEvents(new VisitStarted("v-1", "hall-1"));
    }

    @Test
    void theGuideGreetsTheCustomer() {
        fixture.given(new VisitStarted("v-1", "hall-1"))
               .when(new GreetCustomer("v-1", "guide-7"))
               .expectEvents(new CustomerGreeted("v-1", "guide-7"));
    }

    @Test
    void aCustomerIsGreetedOnce() {
        fixture.given(new VisitStarted("v-1", "hall-1"), new CustomerGreeted("v-1", "guide-7"))
               .when(new GreetCustomer("v-1", "guide-8"))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("The customer of visit v-1 was already greeted")
               .expectNoEvents();
    }

    @Test
    void theGuideRoutesTheCustomerToACounter() {
        fixture.given(new VisitStarted("v-1", "hall-1"), new CustomerGreeted("v-1", "guide-7"))
               .when(new RouteToCounter("v-1", "guide-7", "3"))
               .expectEvents(new RoutedToCounter("v-1", "guide-7", "3"));
    }

    @Test
    void theCustomerIsSeenOff() {
        fixture.given(new VisitStarted("v-1", "hall-1"), new RoutedToCounter("v-1", "guide-7", "3"))
               .when(new SeeOffCustomer("v-1", "clerk-2"))
               .expectEvents(new CustomerSeenOff("v-1", "clerk-2"));
    }

    @Test
    void aVisitThatIsOverAcceptsNothingMore() {
        fixture.given(new VisitStarted("v-1", "hall-1"), new CustomerSeenOff("v-1", "clerk-2"))
               .when(new RouteToCounter("v-1", "guide-7", "3"))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("Visit v-1 is over: the customer was seen off and the visit accepts "
                                               + "nothing more")
               .expectNoEvents();
        fixture.given(new VisitStarted("v-1", "hall-1"), new CustomerSeenOff("v-1", "clerk-2"))
               .when(new SeeOffCustomer("v-1", "clerk-2"))
               .expectException(RuleViolation.class);
        fixture.given(new VisitStarted("v-1", "hall-1"), new CustomerSeenOff("v-1", "clerk-2"))
               .when(new GreetCustomer("v-1", "guide-7"))
               .expectException(RuleViolation.class);
    }
}
