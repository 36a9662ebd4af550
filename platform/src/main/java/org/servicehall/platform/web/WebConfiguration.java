package org.servicehall.platform.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.swagger.v3.oas.models.OpenAPI;
import org.servicehall.platform.values.DueTimes;
import org.servicehall.platform.values.ExactJson;
import org.servicehall.platform.values.ExactParameters;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * What both sides' HTTP APIs share: the one error format (RFC 9457 problem+json, Tomcat's errors included), a
 * correlation id on every request, well-formed requests within limits, values read in one exact form each, and the
 * OpenAPI document's common parts.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiProperties.class)
@Import({Problems.class, ExactParameters.class})
public class WebConfiguration {

    /** First of all filters, so that even a request refused by another filter gets its correlation id echoed. */
    public static final int CORRELATION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    /** Next, before any filter reads a parameter, a header or the body (Spring Security's chain among them). */
    static final int WELL_FORMED_FILTER_ORDER = CORRELATION_FILTER_ORDER + 5;

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter(problems));
        registration.setOrder(CORRELATION_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WellFormedRequests> wellFormedRequests(
            ApiProperties properties, ServerProperties server,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<WellFormedRequests> registration = new FilterRegistrationBean<>(
                new WellFormedRequests(properties, server.getTomcat().getMaxParameterCount(), problems));
        registration.setOrder(WELL_FORMED_FILTER_ORDER);
        return registration;
    }

    @Bean
    TomcatSettings tomcatSettings(ApiProperties properties) {
        return new TomcatSettings(properties);
    }

    @Bean
    DueTimes dueTimes(ApiProperties properties) {
        return properties.dueTimes();
    }

    /** Bodies' values in their one exact form (see {@link ExactJson}); Spring Boot adds it to its mapper. */
    @Bean
    ExactJson exactJson() {
        return new ExactJson();
    }

    /**
     * JSON of the wrong type is refused, not converted: 5 or true for a string, "12" for a number, "yes" or 1 for a
     * boolean; and nesting deeper than {@code hall.api.max-json-depth} is refused as it is read. (The rest of the
     * strictness is in {@code hall-platform.properties} and {@link ExactJson}.)
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonTypes(ApiProperties properties) {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.getFactory().setStreamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(properties.maxJsonDepth()).build());
            mapper.coercionConfigFor(LogicalType.Textual)
                  .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                mapper.coercionConfigFor(type)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            }
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        });
    }

    @Bean
    OpenAPI openApi(ApiProperties properties) {
        return ApiDocs.document(properties);
    }

    @Bean
    PublicBaseUrl publicBaseUrl(ApiProperties properties, Environment environment) {
        return new PublicBaseUrl(properties.publicBaseUrl(), environment);
    }

    /** The document's {@code servers} is the public base URL, whatever the request for it says its host is. */
    @Bean
    ServerBaseUrlCustomizer publicServerBaseUrl(PublicBaseUrl publicBaseUrl) {
        return (fromRequest, request) -> publicBaseUrl.base();
    }

    @Bean
    OpenApiCustomizer sharedApiDocs() {
        return ApiDocs.sharedParts();
    }

    @Bean
    PropertyCustomizer composedPatterns() {
        return ApiDocs.composedPatterns();
    }

    @Bean
    ParameterCustomizer composedParameterPatterns() {
        return ApiDocs.composedParameterPatterns();
    }
}
