package org.servicehall.query.security;

import org.servicehall.platform.signin.AccessRules;
import org.servicehall.platform.signin.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may read what on the query side. The views are for every signed-in person ({@link Role#ANALYST},
 * {@link Role#SUPERVISOR}, {@link Role#COMPLIANCE}, {@link Role#ADMIN}) and every integrator client (the hall's
 * terminals show timelines and visits), with personal data masked for all but compliance. Histories and customers'
 * personal data ({@code /api/history/**}, {@code /api/customers/**}) need {@link Role#COMPLIANCE}; the admin
 * endpoints (rebuilding views, dead letters) {@link Role#ADMIN} or compliance.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    AccessRules querySideAccess() {
        return AccessRules.builder()
                          .allowRoles("/api/history/**", Role.COMPLIANCE)
                          .allowRoles("/api/customers/**", Role.COMPLIANCE)
                          .allowRoles("/api/admin/**", Role.ADMIN, Role.COMPLIANCE)
                          .allowEveryone("/api/**")
                          .build();
    }
}
