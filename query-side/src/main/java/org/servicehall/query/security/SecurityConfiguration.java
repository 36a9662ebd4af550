package org.servicehall.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;
import java.util.Map;

/**
 * Who may read what on the query side. Users sign in with HTTP Basic; a request without credentials is an anonymous
 * {@link Role#ANALYST}, so the views stay readable as before, with personal data masked. Histories and customers'
 * personal data ({@code /api/history/**}, {@code /api/customers/**}) need {@link Role#COMPLIANCE}; the admin
 * endpoints (rebuilding views) {@link Role#ADMIN} or compliance. Health, metrics and the API docs stay open.
 */
@Configuration
@EnableConfigurationProperties(HallSecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Only for development: used when {@code hall.security.users} names nobody. */
    static final Map<String, HallSecurityProperties.User> DEVELOPMENT_USERS = Map.of(
            "analyst", new HallSecurityProperties.User("{noop}analyst", List.of(Role.ANALYST)),
            "supervisor", new HallSecurityProperties.User("{noop}supervisor", List.of(Role.SUPERVISOR)),
            "compliance", new HallSecurityProperties.User("{noop}compliance", List.of(Role.COMPLIANCE)),
            "admin", new HallSecurityProperties.User("{noop}admin", List.of(Role.ADMIN)));

    /** Paths only {@link Role#COMPLIANCE} may use. */
    static final String[] COMPLIANCE_PATHS = {"/api/history/**", "/api/customers/**"};
    /** Paths for {@link Role#ADMIN} (and compliance). */
    static final String[] ADMIN_PATHS = {"/api/admin/**"};

    @Bean
    SecurityFilterChain querySideSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        return http
                // Every request carries its credentials: no session, no cookie, so nothing to forge a request with.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .anonymous(anonymous -> anonymous.principal(Caller.ANONYMOUS).authorities(Role.ANALYST.authority()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(COMPLIANCE_PATHS).hasRole(Role.COMPLIANCE.name())
                        .requestMatchers(ADMIN_PATHS).hasAnyRole(Role.ADMIN.name(), Role.COMPLIANCE.name())
                        .anyRequest().permitAll())
                .build();
    }

    @Bean
    UserDetailsService hallUsers(HallSecurityProperties properties) {
        Map<String, HallSecurityProperties.User> users = properties.users();
        if (users == null || users.isEmpty()) {
            log.warn("No hall.security.users configured: the development users {} (password = user name) can sign "
                     + "in. Configure hall.security.users.<name>.password and .roles for any real use.",
                     DEVELOPMENT_USERS.keySet());
            users = DEVELOPMENT_USERS;
        }
        return new InMemoryUserDetailsManager(users.entrySet().stream()
                                                   .map(user -> userDetails(user.getKey(), user.getValue()))
                                                   .toList());
    }

    /** Passwords name their encoding: {@code {bcrypt}...} in production, {@code {noop}...} for development. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static UserDetails userDetails(String name, HallSecurityProperties.User user) {
        String property = "hall.security.users." + name;
        if (user.password() == null || !user.password().matches("\\{[a-z0-9]+}.+")) {
            throw new IllegalStateException(property + ".password must name its encoding and be non-empty, e.g. "
                                            + "{bcrypt}$2a$10$... (production) or {noop}secret (development)");
        }
        if (user.roles() == null || user.roles().isEmpty()) {
            throw new IllegalStateException(property + ".roles must name at least one of "
                                            + List.of(Role.values()));
        }
        return User.withUsername(name).password(user.password())
                   .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                   .build();
    }
}
