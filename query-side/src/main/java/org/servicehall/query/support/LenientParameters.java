package org.servicehall.query.support;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters convert as Spring Boot binds its own properties: enum values in any case and with dashes too, so
 * {@code deadline=at-risk} means {@code AT_RISK}. Values still outside the enum are a 400 listing the allowed ones.
 */
@Configuration
class LenientParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        ApplicationConversionService.addApplicationConverters(registry);
    }
}
