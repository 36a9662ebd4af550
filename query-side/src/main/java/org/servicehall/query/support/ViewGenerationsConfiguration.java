package org.servicehall.query.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/** Views' collections in generations: the query side's {@code MongoTemplate} resolves them. */
@Configuration(proxyBeanMethods = false)
class ViewGenerationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ViewGenerationsConfiguration.class);

    @Bean
    ViewGenerations viewGenerations(ObjectProvider<ViewDefinition> views, MongoDatabaseFactory mongo,
                                    QueryProperties properties) {
        return new ViewGenerations(views.orderedStream().toList(), mongo, properties.generationCacheTtl(),
                                   System::nanoTime);
    }

    /** Replaces Spring Boot's template (which steps back when there is one): the same, with views' generations. */
    @Bean
    ViewMongoTemplate mongoTemplate(MongoDatabaseFactory mongo, MongoConverter converter,
                                    ViewGenerations generations) {
        return new ViewMongoTemplate(mongo, converter, generations);
    }

    /**
     * A view without a {@link ViewDefinition} works, but cannot be rebuilt without downtime; a definition without a
     * processing group is a misspelling.
     */
    @EventListener
    void checkViews(ApplicationReadyEvent ready) {
        EventProcessingConfiguration processing = ready.getApplicationContext()
                                                       .getBean(EventProcessingConfiguration.class);
        ViewGenerations generations = ready.getApplicationContext().getBean(ViewGenerations.class);
        for (String group : generations.views().keySet()) {
            if (processing.eventProcessorByProcessingGroup(group).isEmpty()) {
                throw new IllegalStateException("A ViewDefinition names '" + group + "', which is not a processing "
                        + "group of this application");
            }
        }
        processing.eventProcessors().keySet().stream()
                  .filter(processor -> generations.view(processor).isEmpty())
                  .forEach(processor -> log.warn("Processing group {} has no ViewDefinition: it cannot be rebuilt "
                                                         + "while it answers queries", processor));
    }
}
