package org.servicehall.query.conduct;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AuditProperties.class)
class ConductAuditConfiguration {

    @Bean
    AuditSettings auditSettings(AuditProperties properties) {
        return new AuditSettings(properties);
    }
}
