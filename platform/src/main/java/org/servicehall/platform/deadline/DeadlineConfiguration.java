package org.servicehall.platform.deadline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The {@link DeadlineManager} both sides get: {@link MongoDeadlineManager} on the application's MongoDB, which Axon
 * hands to aggregates and sagas in place of its in-memory default. It polls only on a side that has aggregates or
 * sagas to fire deadlines into.
 */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@ConditionalOnMissingBean(DeadlineManager.class)
@EnableConfigurationProperties(DeadlineProperties.class)
public class DeadlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadlineConfiguration.class);

    @Bean
    MongoDeadlineManager deadlineManager(MongoDatabaseFactory mongo, Configuration axon, Serializer serializer,
                                         ObjectProvider<TransactionManager> transactionManager,
                                         ObjectProvider<DeadlineManagerSpanFactory> spanFactory,
                                         DeadlineProperties properties) {
        MongoDeadlineManager.Builder builder =
                MongoDeadlineManager.builder()
                                    .database(mongo.getMongoDatabase())
                                    .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                                    .serializer(serializer)
                                    .transactionManager(transactionManager.getIfAvailable(
                                            () -> NoTransactionManager.INSTANCE))
                                    .pollInterval(properties.pollInterval())
                                    .claimTimeout(properties.claimTimeout())
                                    .retryBackoff(properties.retryBackoff())
                                    .maxAttempts(properties.maxAttempts());
        spanFactory.ifAvailable(builder::spanFactory);
        MongoDeadlineManager manager = builder.build();
        manager.ensureIndexes();
        return manager;
    }

    @Bean
    DeadlinePolling deadlinePolling(MongoDeadlineManager manager, Configuration axon) {
        return new DeadlinePolling(manager, axon);
    }

    @Bean
    HealthIndicator deadlinesHealthIndicator(MongoDeadlineManager manager) {
        return () -> Health.up()
                           .withDetail("polling", manager.isPolling())
                           .withDetail("pending", manager.pending())
                           .withDetail("failed", manager.failed())
                           .build();
    }

    @Bean
    DeadlineMetrics deadlineMetrics(MongoDeadlineManager manager, MeterRegistry registry) {
        return new DeadlineMetrics(manager, registry);
    }

    /** Gauges for alerting on deadlines that were given up, or that pile up. */
    static final class DeadlineMetrics {

        DeadlineMetrics(MongoDeadlineManager manager, MeterRegistry registry) {
            Gauge.builder("hall.deadlines.pending", manager, MongoDeadlineManager::pending)
                 .description("Deadlines waiting to fire, for all instances").register(registry);
            Gauge.builder("hall.deadlines.failed", manager, MongoDeadlineManager::failed)
                 .description("Deadlines given up after their last attempt, kept for an operator")
                 .register(registry);
        }
    }

    /**
     * Starts polling once Axon runs, stops before Axon does; a side without aggregates or sagas does not poll, as
     * it could only fail the deadlines it claimed.
     */
    static final class DeadlinePolling implements SmartLifecycle {

        private final MongoDeadlineManager manager;
        private final Configuration axon;
        private volatile boolean running;

        DeadlinePolling(MongoDeadlineManager manager, Configuration axon) {
            this.manager = manager;
            this.axon = axon;
        }

        @Override
        public void start() {
            if (hasScopes()) {
                manager.start();
            } else {
                log.info("No aggregates or sagas here: this side does not fire deadlines");
            }
            running = true;
        }

        private boolean hasScopes() {
            EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
            return !axon.findModules(AggregateConfiguration.class).isEmpty()
                    || (processing != null && !processing.sagaConfigurations().isEmpty());
        }

        @Override
        public void stop() {
            manager.shutdown();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        /** After Axon's configuration starts, before it stops. */
        @Override
        public int getPhase() {
            return SpringAxonConfiguration.LIFECYCLE_PHASE + 1;
        }
    }
}
