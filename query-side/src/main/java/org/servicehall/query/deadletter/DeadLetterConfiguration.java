package org.servicehall.query.deadletter;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * A dead-letter queue for every processing group of the query side, in MongoDB (collection {@code deadletters}, one
 * queue per group). An event a view's handler throws on is parked there instead of stopping the view; later events
 * of the same aggregate (Axon's sequence) are parked behind it, so that aggregate's document never sees them out of
 * order, while every other aggregate's events keep flowing. {@link DeadLetters} lists, retries and evicts them.
 * <p>
 * Axon's Spring Boot support enables a queue per processor by name only; here every group gets one without naming it.
 */
@Configuration
class DeadLetterConfiguration {

    /** Diagnostics key: how often the letter's event failed, on first handling and on every retry. */
    static final String FAILURES = "failures";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    @Bean
    ConfigurerModule deadLetterQueuePerProcessingGroup(MongoDatabaseFactory mongo) {
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(mongo.getMongoDatabase()).build();
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDeadLetterQueueProvider(group -> {
                    // Axon takes invoker settings per group only, and this provider is the one place that sees
                    // every group's name before its invoker is built.
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                            group, (configuration, invoker) -> invoker
                                    // a reset rebuilds the view from the start: the old letters go with it
                                    .allowReset(true)
                                    // asks the queue about a sequence only once it may hold it, not for every event
                                    .enableSequenceIdentifierCache());
                    return configuration -> MongoSequencedDeadLetterQueue.builder()
                                                                         .processingGroup(group)
                                                                         .mongoTemplate(template)
                                                                         .serializer(configuration.eventSerializer())
                                                                         .build();
                })
                .registerDefaultDeadLetterPolicy(configuration -> DeadLetterConfiguration::decide));
    }

    /**
     * Every failure is dead-lettered (a retry after a fix is the way out), counted in the letter's diagnostics, and
     * logged without the event's payload, which may hold personal data.
     */
    static EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        int failures = failures(letter.diagnostics()) + 1;
        EventMessage<?> event = letter.message();
        String aggregate = event instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() + "#" + domain.getSequenceNumber() : "-";
        log.atWarn()
           .addKeyValue("eventId", event.getIdentifier())
           .addKeyValue("eventType", event.getPayloadType().getSimpleName())
           .addKeyValue("aggregate", aggregate)
           .addKeyValue("failures", failures)
           .log("Event {} ({} of {}) failed in a view and is dead-lettered (failure {}): {}", event.getIdentifier(),
                event.getPayloadType().getSimpleName(), aggregate, failures, cause.toString());
        return Decisions.enqueue(cause, failed -> failed.diagnostics().and(FAILURES, failures));
    }

    static int failures(MetaData diagnostics) {
        return diagnostics.get(FAILURES) instanceof Number number ? number.intValue() : 0;
    }
}
