package org.servicehall.command.visit;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.GreetCustomer;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.RouteCustomer;
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
               .when(new GreetCustomer("v-1", "guide-7", false, false, false, false))
               .expectEvents(new CustomerGreeted("v-1", "guide-7", false, false, false, false));
    }

    @Test
    void aCustomerIsGreetedOnce() {
        fixture.given(new VisitStarted("v-1", "hall-1"), new CustomerGreeted("v-1", "guide-7", false, false, false, false))
               .when(new GreetCustomer("v-1", "guide-8", false, false, false, false))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("The customer of visit v-1 was already greeted")
               .expectNoEvents();
    }

    @Test
    void theGuideRoutesTheCustomerToACounter() {
        fixture.given(new VisitStarted("v-1", "hall-1"), new CustomerGreeted("v-1", "guide-7", false, false, false, false))
               .when(new RouteCustomer("v-1", "guide-7", Destination.COUNTER, "3", null))
               .expectEvents(new RoutedToCounter("v-1", "guide-7", "3"));
    }

    @Test
    void theCustomerIsSeenOff() {
        fixture.given(new VisitStarted("v-1", "hall-1"), new RoutedToCounter("v-1", "guide-7", "3"))
               .when(new SeeOffCustomer("v-1", "clerk-2", true))
               .expectEvents(new CustomerSeenOff("v-1", "clerk-2", true));
    }

    @Test
    void aVisitThatIsOverAcceptsNothingMore() {
        fixture.given(new VisitStarted("v-1", "hall-1"), new CustomerSeenOff("v-1", "clerk-2", true))
               .when(new RouteCustomer("v-1", "guide-7", Destination.COUNTER, "3", null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("Visit v-1 is over: the customer was seen off and the visit accepts "
                                               + "nothing more")
               .expectNoEvents();
        fixture.given(new VisitStarted("v-1", "hall-1"), new CustomerSeenOff("v-1", "clerk-2", true))
               .when(new SeeOffCustomer("v-1", "clerk-2", true))
               .expectException(RuleViolation.class);
        fixture.given(new VisitStarted("v-1", "hall-1"), new CustomerSeenOff("v-1", "clerk-2", true))
               .when(new GreetCustomer("v-1", "guide-7", false, false, false, false))
               .expectException(RuleViolation.class);
    }
}
