package org.servicehall.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.FailingDuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.upcasting.ContractUpcasters;
import org.servicehall.platform.HallProperties;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.personaldata.PersonalDataStorageModule;
import org.servicehall.platform.personaldata.PersonalDataVault;
import org.servicehall.platform.processing.ProcessorInstance;
import org.servicehall.platform.processing.SegmentBalancer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.time.Clock;
import java.util.List;

/**
 * Axon as both sides use it: events, snapshots and messages as readable JSON, the event store on MongoDB
 * ({@link SequencedEventStorageEngine}), tracking tokens in MongoDB (so several instances share the work), and
 * pooled streaming processors. Every event carries the metadata of the request that caused it ({@code MetadataKeys}),
 * also when a saga or a deadline handler applies it; a command may name the version it expects its aggregate at, and
 * its result tells the version reached.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = MongoDataAutoConfiguration.class)
@EnableConfigurationProperties(HallProperties.class)
public class AxonConfiguration {

    /**
     * The stored JSON is a contract with every future version of this code, so it gets its own mapper rather than
     * the web layer's, whose settings may change for other reasons. Fields are visible so aggregate snapshots work.
     * Personal data is stored sealed with its customer's key (crypto-shredding).
     */
    static ObjectMapper storageObjectMapper(PersonalDataVault vault) {
        return JsonMapper.builder()
                         .findAndAddModules()
                         .addModule(new PersonalDataStorageModule(vault))
                         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                         .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                         .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                         .build();
    }

    @Bean
    @Primary
    Serializer serializer(PersonalDataVault vault) {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper(vault)).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * The message contract's upcasters ({@link ContractUpcasters}), as one step of the chain the event store applies
     * to whatever it reads: aggregates loading, processors tracking and replaying, on both sides.
     */
    @Bean
    EventUpcaster contractUpcasters() {
        return new EventUpcasterChain(ContractUpcasters.all());
    }

    @Bean
    SequencedEventStorageEngine eventStorageEngine(MongoDatabaseFactory mongo, Serializer serializer,
                                                   ObjectProvider<EventUpcaster> upcasters,
                                                   HallProperties properties) {
        SequencedEventStorageEngine engine = SequencedEventStorageEngine
                .builder()
                .database(mongo.getMongoDatabase())
                .gapTimeout(properties.eventStore().gapTimeout())
                .batchSize(properties.eventStore().batchSize())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * Axon's event store, noting the versions aggregates reach for {@link AggregateVersions}; otherwise as Axon's
     * auto-configuration builds it.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return new AggregateVersions.RecordingEventStore(
                EmbeddedEventStore.builder()
                                  .storageEngine(storageEngine)
                                  .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                  .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    /**
     * Axon's command bus as its auto-configuration builds it, except that a unit of work is rolled back on any
     * exception (Axon's default commits when a handler throws a checked one, storing what it applied before) and a
     * command with two handlers fails at startup (by default the last one registered silently wins).
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager, Configuration configuration) {
        SimpleCommandBus commandBus =
                SimpleCommandBus.builder()
                                .transactionManager(transactionManager)
                                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                                .duplicateCommandHandlerResolver(FailingDuplicateCommandHandlerResolver.instance())
                                .spanFactory(configuration.getComponent(CommandBusSpanFactory.class))
                                .messageMonitor(configuration.messageMonitor(CommandBus.class, "commandBus"))
                                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        return commandBus;
    }

    /** A command to an id of another aggregate type finds no aggregate ({@link AggregatesOfTheirOwnType}). */
    @Bean
    static BeanPostProcessor aggregatesOfTheirOwnType() {
        return new AggregatesOfTheirOwnType();
    }

    @Bean
    AggregateVersions aggregateVersions() {
        return new AggregateVersions();
    }

    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new ExpectedVersionTargetResolver();
    }

    @Bean
    HandlerEnhancerDefinition preconditionsFirst() {
        return new PreconditionsFirst();
    }

    /**
     * Axon's own causation and trace ids (Axon's auto-configuration drops its provider as soon as any provider is a
     * bean). Axon would write the causing message's id as {@code correlationId}, which is the request's here.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(MetadataKeys.CAUSATION_ID, MetadataKeys.TRACE_ID);
    }

    @Bean
    CorrelationDataProvider hallCorrelationDataProvider() {
        return new HallCorrelationDataProvider();
    }

    @Bean
    HandlerEnhancerDefinition deadlineCorrelation(List<CorrelationDataProvider> providers) {
        return new DeadlineCorrelation(providers);
    }

    @Bean
    ProcessorInstance processorInstance(@Value("${spring.application.name:hall}") String applicationName) {
        return ProcessorInstance.of(applicationName);
    }

    @Bean
    TokenStore tokenStore(MongoDatabaseFactory mongo, Serializer serializer, ProcessorInstance instance,
                          HallProperties properties) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder()
                                                                 .mongoDatabase(mongo.getMongoDatabase())
                                                                 .build())
                              .serializer(serializer)
                              .contentType(String.class)
                              .nodeId(instance.id())
                              .claimTimeout(properties.processors().claimTimeout())
                              .build();
    }

    @Bean
    SegmentBalancer segmentBalancer(ProcessorInstance instance, MongoDatabaseFactory mongo,
                                    ObjectProvider<EventProcessingConfiguration> processing,
                                    ObjectProvider<TokenStore> tokenStore, HallProperties properties) {
        return new SegmentBalancer(instance, mongo, processing, tokenStore, properties.processors(),
                                   Clock.systemUTC());
    }

    /**
     * Every processor is a pooled streaming one, its segments shared among the instances of its side by the
     * {@link SegmentBalancer}. The coordinator extends the claims of work packages busy with a long batch, so that a
     * slow batch (a replay, a slow database) does not lose its segment to another instance while it still writes.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessors(HallProperties properties, SegmentBalancer balancer) {
        HallProperties.Processors processors = properties.processors();
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((configuration, builder) -> builder
                        .initialSegmentCount(processors.segments())
                        .tokenClaimInterval(processors.tokenClaimInterval().toMillis())
                        .enableCoordinatorClaimExtension()
                        .maxSegmentProvider(balancer)));
    }

    @Bean
    HealthIndicator eventStoreHealthIndicator(SequencedEventStorageEngine engine) {
        return () -> {
            SequencedEventStorageEngine.GapStatistics gaps = engine.gapStatistics();
            return Health.up()
                         .withDetail("headPosition", engine.headPosition())
                         .withDetail("reservedPosition", engine.reservedPosition())
                         .withDetail("openGaps", gaps.open())
                         .withDetail("fencedGaps", gaps.fenced())
                         .withDetail("lateAppends", gaps.lateAppends())
                         .build();
        };
    }

    @Bean
    EventStoreMetrics eventStoreMetrics(SequencedEventStorageEngine engine, MeterRegistry registry) {
        return new EventStoreMetrics(engine, registry);
    }

    /** Gauges for what the health endpoint shows, so late appends can be alerted on. */
    static final class EventStoreMetrics {

        EventStoreMetrics(SequencedEventStorageEngine engine, MeterRegistry registry) {
            Gauge.builder("hall.eventstore.gaps.open", engine, e -> e.gapStatistics().open())
                 .description("Reserved positions this instance is waiting for").register(registry);
            Gauge.builder("hall.eventstore.gaps.fenced", engine, e -> e.gapStatistics().fenced())
                 .description("Positions this instance fenced after the gap timeout").register(registry);
            Gauge.builder("hall.eventstore.appends.late", engine, e -> e.gapStatistics().lateAppends())
                 .description("Commits re-appended because their position had been fenced").register(registry);
        }
    }

}
