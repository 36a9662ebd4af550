package org.servicehall.query.support;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.math.BigDecimal;
import java.util.List;

/** Wires read-your-writes into Spring MVC. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryProperties.class)
class QuerySupportConfiguration implements WebMvcConfigurer {

    private final ViewPositions positions;
    private final SequencedEventStorageEngine eventStore;
    private final QueryProperties properties;

    QuerySupportConfiguration(ViewPositions positions, SequencedEventStorageEngine eventStore,
                              QueryProperties properties) {
        this.positions = positions;
        this.eventStore = eventStore;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AwaitPositionInterceptor(positions, eventStore::reservedPosition, properties));
    }

    /** Documents the wait on every {@link ReadYourWrites} endpoint of the OpenAPI document. */
    @Bean
    OperationCustomizer readYourWritesDocumentation() {
        return (operation, handlerMethod) -> {
            boolean documented = operation.getParameters() != null && operation.getParameters().stream().anyMatch(
                    parameter -> AwaitPositionInterceptor.HEADER.equals(parameter.getName()));
            // (one path may have several handler methods, e.g. JSON and Server-Sent Events, in one operation)
            if (AwaitPositionInterceptor.readYourWrites(handlerMethod) == null || documented) {
                return operation;
            }
            String wait = "Wait, at most hall.query.await-timeout, until the views show the change made at this "
                    + "global position (the X-Event-Position a command answered with); a position beyond the event "
                    + "store's last is a 400";
            operation.addParametersItem(new HeaderParameter().name(AwaitPositionInterceptor.HEADER)
                                                             .description(wait)
                                                             .schema(new IntegerSchema().format("int64").minimum(
                                                                     BigDecimal.ZERO)));
            operation.addParametersItem(new QueryParameter().name(AwaitPositionInterceptor.PARAMETER)
                                                            .description(wait + "; the header wins if both are given")
                                                            .schema(new IntegerSchema().format("int64").minimum(
                                                                    BigDecimal.ZERO)));
            operation.getResponses().values().forEach(response -> response.addHeaderObject(
                    AwaitPositionInterceptor.BEHIND_HEADER,
                    new Header().description("Only when a position was awaited: true if the wait timed out and the "
                                                     + "answer may not show the change yet")
                                .schema(new BooleanSchema())));
            return operation;
        };
    }

    /** A misspelt processing group would make every wait time out: refuse to start instead. */
    @EventListener
    void checkProcessingGroups(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBeansOfType(RequestMappingHandlerMapping.class).values().stream()
             .flatMap(mapping -> mapping.getHandlerMethods().values().stream())
             .map(AwaitPositionInterceptor::readYourWrites)
             .filter(annotation -> annotation != null)
             .forEach(annotation -> positions.requireKnown(List.of(annotation.value())));
    }
}
