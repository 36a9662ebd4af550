package org.servicehall.query.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The users of the read API, under {@code hall.security.users.<name>}: {@code password} (with its encoding, e.g.
 * {@code {bcrypt}$2a$10$...} or {@code {noop}secret}) and {@code roles} (e.g. {@code ANALYST,SUPERVISOR}). When none
 * are configured, the development users of {@link SecurityConfiguration} sign in instead.
 */
@ConfigurationProperties("hall.security")
record HallSecurityProperties(Map<String, User> users) {

    record User(String password, List<Role> roles) {
    }
}
