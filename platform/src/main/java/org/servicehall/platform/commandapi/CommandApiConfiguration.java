package org.servicehall.platform.commandapi;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.servicehall.platform.web.ApiProperties;
import org.servicehall.platform.web.PublicBaseUrl;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.time.Clock;

/**
 * The command side's HTTP machinery: header checks, idempotency keys, the {@link Commands} helper and the shared
 * parts of the command endpoints' OpenAPI documentation. Imported by the command side's application class (not an
 * auto-configuration: the query side shares the classpath in the launcher and must not get it).
 */
@Configuration(proxyBeanMethods = false)
public class CommandApiConfiguration {

    private static final String API_PATHS = "/api/*";
    /** The command filters need the client, so they run after Spring Security's filter chain has signed it in. */
    private static final int AFTER_SIGN_IN = SecurityProperties.DEFAULT_FILTER_ORDER;

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> appendedPositions() {
        return new AppendedPositions();
    }

    @Bean
    Commands commands(CommandGateway gateway, CommandTargetResolver targets, EventStore eventStore,
                      PublicBaseUrl publicBaseUrl) {
        return new Commands(gateway, targets, eventStore, publicBaseUrl);
    }

    @Bean(destroyMethod = "close")
    IdempotencyStore idempotencyStore(MongoTemplate mongo, ApiProperties properties) {
        return new IdempotencyStore(mongo, properties.idempotency(), Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<CommandHeadersFilter> commandHeadersFilter(
            ApiProperties properties, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<CommandHeadersFilter> registration =
                new FilterRegistrationBean<>(new CommandHeadersFilter(properties, Clock.systemUTC(), problems));
        registration.addUrlPatterns(API_PATHS);
        registration.setOrder(AFTER_SIGN_IN + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, problems));
        registration.addUrlPatterns(API_PATHS);
        registration.setOrder(AFTER_SIGN_IN + 20);
        return registration;
    }

    @Bean
    OpenApiCustomizer commandApiDocs() {
        return CommandApiDocs.commandParts();
    }
}
