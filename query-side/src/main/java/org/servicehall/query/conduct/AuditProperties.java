package org.servicehall.query.conduct;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * {@code hall.audit.rules.<rule id>.enabled} and {@code hall.audit.rules.<rule id>.<threshold>}; checked by
 * {@link AuditSettings}.
 */
@ConfigurationProperties("hall.audit")
record AuditProperties(Map<String, Map<String, String>> rules) {

    AuditProperties {
        rules = rules == null ? Map.of() : rules;
    }
}
