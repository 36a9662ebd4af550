package org.servicehall.platform.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.core.env.Environment;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * What both sides' HTTP APIs share: the one error format (RFC 9457 problem+json), a correlation id on every request,
 * and the OpenAPI document's common parts.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiProperties.class)
@Import(Problems.class)
public class WebConfiguration {

    /** First of all filters, so that even a request refused by another filter gets its correlation id echoed. */
    public static final int CORRELATION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter(problems));
        registration.setOrder(CORRELATION_FILTER_ORDER);
        return registration;
    }

    /**
     * JSON of the wrong type is refused, not converted: 5 or true for a string, "12" for a number, "yes" or 1 for a
     * boolean. (The rest of the strictness is in {@code hall-platform.properties}.)
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder.postConfigurer(mapper -> {
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
}
