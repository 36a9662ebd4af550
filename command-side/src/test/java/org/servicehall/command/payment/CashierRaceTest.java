package org.servicehall.command.payment;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.RuleViolation;
import org.servicehall.api.payment.CollectFee;
import org.servicehall.api.payment.FeeCollected;
import org.servicehall.api.payment.PaymentKind;
import org.servicehall.api.payment.PaymentMethod;
import org.servicehall.api.payment.RequestPayment;
import org.servicehall.api.payment.ShiftCollectionRecorded;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.testing.TestMongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two command-side instances (two Axon configurations with their own repositories, locks and event store engines)
 * on one database, and cashiers racing at them: whoever loses stores nothing, so no shift's till ever counts money
 * it did not take, and no commit of the store is a collection without its payment.
 */
class CashierRaceTest {

    private final TestMongo mongo = TestMongo.start();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final List<Configuration> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(Configuration::shutdown);
        mongo.close();
    }

    private Configuration instance(MessageHandlerInterceptor<CommandMessage<?>> hook) {
        SequencedEventStorageEngine engine = SequencedEventStorageEngine.builder()
                                                                        .database(mongo.database())
                                                                        .eventSerializer(serializer)
                                                                        .snapshotSerializer(serializer)
                                                                        .build();
        engine.ensureIndexes();
        Configuration instance = DefaultConfigurer
                .defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(Payment.class)
                .configureAggregate(CashierShift.class)
                .registerCommandHandler(c -> new PaymentRequesting(c.repository(Payment.class), visitId -> {
                }))
                .registerCommandHandler(c -> new FeeCollection(c.repository(Payment.class),
                                                               c.repository(CashierShift.class)))
                .buildConfiguration();
        instance.commandBus().registerHandlerInterceptor(hook);
        instance.start();
        instances.add(instance);
        return instance;
    }

    private Configuration instance() {
        return instance((unitOfWork, chain) -> chain.proceed());
    }

    /**
     * Holds this instance's command after its handler decided (both aggregates loaded, the rules passed, the events
     * applied) and before its unit of work commits, until the other instance committed.
     */
    private static MessageHandlerInterceptor<CommandMessage<?>> holdingAfterDeciding(CountDownLatch decided,
                                                                                     CountDownLatch release) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            unitOfWork.onPrepareCommit(u -> {
                decided.countDown();
                try {
                    assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            return result;
        };
    }

    private static String requestPayment(Configuration instance, long amountFen) {
        String id = UUID.randomUUID().toString();
        instance.commandGateway().sendAndWait(new RequestPayment(id, null, "hall-1", "clerk-2",
                                                                 PaymentKind.BUSINESS_FEE, amountFen, "c-1", null));
        return id;
    }

    private static CollectFee collect(String paymentId, String cashierId, String shiftId, long amountFen) {
        return new CollectFee(paymentId, cashierId, shiftId, PaymentMethod.QR_CODE, amountFen, null);
    }

    private List<Object> events(Configuration instance, String aggregateId) {
        return instance.eventStore().readEvents(aggregateId).asStream().map(EventMessage::getPayload)
                       .map(Object.class::cast).toList();
    }

    @Test
    void twoCashiersCollectingOnePaymentIntoTheirShiftsAtOnceOneWinsAndTheOtherStoresNothing() throws Exception {
        CountDownLatch decided = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Configuration first = instance(holdingAfterDeciding(decided, release));
        Configuration second = instance();
        String payment = requestPayment(second, 500);
        String firstShift = UUID.randomUUID().toString();
        String secondShift = UUID.randomUUID().toString();

        CompletableFuture<Object> firstCashier = CompletableFuture.supplyAsync(
                () -> first.commandGateway().sendAndWait(collect(payment, "cashier-1", firstShift, 500)));
        assertThat(decided.await(10, TimeUnit.SECONDS)).isTrue();
        second.commandGateway().sendAndWait(collect(payment, "cashier-2", secondShift, 500));
        release.countDown();

        assertThatThrownBy(() -> firstCashier.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConcurrencyException.class);
        assertThat(events(first, firstShift)).as("the loser's shift").isEmpty();
        assertThat(events(first, secondShift)).containsExactly(
                new ShiftCollectionRecorded(secondShift, "cashier-2", payment, PaymentMethod.QR_CODE, 500));
        assertThat(events(first, payment)).last().isEqualTo(
                new FeeCollected(payment, "cashier-2", secondShift, PaymentMethod.QR_CODE, 500, null, null));
        assertThatThrownBy(() -> first.commandGateway().sendAndWait(collect(payment, "cashier-1", firstShift, 500)))
                .as("retried, the loser learns the payment was collected")
                .isInstanceOfSatisfying(RuleViolation.class,
                                        violation -> assertThat(violation.rule()).isEqualTo("fee-already-collected"));
        assertNoOrphanCommits();
    }

    @Test
    void ofManyFreeRacesOverOnePaymentExactlyOneCollectionIsStoredEachTime() throws Exception {
        List<Configuration> both = List.of(instance(), instance());
        ExecutorService cashiers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String payment = requestPayment(both.get(0), 100 + round);
                long amount = 100 + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<String> shifts = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
                List<Future<Throwable>> racers = new ArrayList<>();
                for (int cashier = 0; cashier < 2; cashier++) {
                    Configuration instance = both.get(cashier);
                    CollectFee command = collect(payment, "cashier-" + cashier, shifts.get(cashier), amount);
                    racers.add(cashiers.submit(() -> {
                        start.await();
                        try {
                            instance.commandGateway().sendAndWait(command);
                            return null;
                        } catch (RuntimeException e) {
                            return e;
                        }
                    }));
                }
                List<Throwable> outcomes = new ArrayList<>();
                for (Future<Throwable> racer : racers) {
                    outcomes.add(racer.get(20, TimeUnit.SECONDS));
                }

                assertThat(outcomes).as("round %d: %s", round, outcomes).filteredOn(Objects::isNull).hasSize(1);
                // the loser either lost the append or, starting later, found the payment collected
                assertThat(outcomes).filteredOn(Objects::nonNull).allMatch(
                        failure -> failure instanceof ConcurrencyException
                                || failure instanceof RuleViolation violation
                                && violation.rule().equals("fee-already-collected"));
                int winner = outcomes.indexOf(null);
                assertThat(events(both.get(0), shifts.get(winner))).hasSize(1);
                assertThat(events(both.get(0), shifts.get(1 - winner))).isEmpty();
                assertThat(events(both.get(0), payment)).hasSize(2);
            }
        } finally {
            cashiers.shutdownNow();
        }
        assertNoOrphanCommits();
    }

    @Test
    void twoPaymentsIntoOneShiftAtOnceTheSecondStoresNothingOfEither() throws Exception {
        CountDownLatch decided = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Configuration first = instance(holdingAfterDeciding(decided, release));
        Configuration second = instance();
        String shift = UUID.randomUUID().toString();
        String one = requestPayment(second, 300);
        String other = requestPayment(second, 700);

        CompletableFuture<Object> firstCollection = CompletableFuture.supplyAsync(
                () -> first.commandGateway().sendAndWait(collect(one, "cashier-1", shift, 300)));
        assertThat(decided.await(10, TimeUnit.SECONDS)).isTrue();
        second.commandGateway().sendAndWait(collect(other, "cashier-1", shift, 700));
        release.countDown();

        assertThatThrownBy(() -> firstCollection.get(10, TimeUnit.SECONDS))
                .as("both opened the shift at its first event")
                .hasCauseInstanceOf(AggregateStreamCreationException.class);
        assertThat(events(first, shift)).containsExactly(
                new ShiftCollectionRecorded(shift, "cashier-1", other, PaymentMethod.QR_CODE, 700));
        assertThat(events(first, one)).as("the first payment is still to be collected").hasSize(1);

        // and on a shift already open, the same race
        CountDownLatch decidedAgain = new CountDownLatch(1);
        CountDownLatch releaseAgain = new CountDownLatch(1);
        Configuration third = instance(holdingAfterDeciding(decidedAgain, releaseAgain));
        String late = requestPayment(second, 900);
        CompletableFuture<Object> thirdCollection = CompletableFuture.supplyAsync(
                () -> third.commandGateway().sendAndWait(collect(late, "cashier-1", shift, 900)));
        assertThat(decidedAgain.await(10, TimeUnit.SECONDS)).isTrue();
        second.commandGateway().sendAndWait(collect(one, "cashier-1", shift, 300));
        releaseAgain.countDown();

        assertThatThrownBy(() -> thirdCollection.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConcurrencyException.class);
        assertThat(events(first, shift)).extracting(event -> ((ShiftCollectionRecorded) event).paymentId())
                                        .containsExactly(other, one);
        assertThat(events(first, late)).hasSize(1);
        assertNoOrphanCommits();
    }

    /** Every shift event stored is in the commit of its payment's collection. */
    private void assertNoOrphanCommits() {
        for (Document commit : mongo.database().getCollection("events").find()) {
            List<Document> events = commit.getList("events", Document.class);
            for (Document event : events) {
                if (event.getString("payloadType").equals(ShiftCollectionRecorded.class.getName())) {
                    String payment = event.get("payload", Document.class).getString("paymentId");
                    assertThat(events).as("commit %s", commit.get("_id")).anySatisfy(other -> {
                        assertThat(other.getString("payloadType")).isEqualTo(FeeCollected.class.getName());
                        assertThat(other.getString("aggregateIdentifier")).isEqualTo(payment);
                    });
                }
            }
        }
    }
}
