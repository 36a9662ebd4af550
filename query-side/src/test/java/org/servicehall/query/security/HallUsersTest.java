package org.servicehall.query.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HallUsersTest {

    private final SecurityConfiguration configuration = new SecurityConfiguration();
    private final PasswordEncoder passwords = configuration.passwordEncoder();

    private UserDetailsService users(Map<String, HallSecurityProperties.User> users) {
        return configuration.hallUsers(new HallSecurityProperties(users));
    }

    @Test
    void configuredUsersReplaceTheDevelopmentUsers() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("s3cret");
        UserDetailsService users = users(Map.of(
                "carol", new HallSecurityProperties.User(hash, List.of(Role.COMPLIANCE, Role.ADMIN))));

        UserDetails carol = users.loadUserByUsername("carol");

        assertThat(passwords.matches("s3cret", carol.getPassword())).isTrue();
        assertThat(passwords.matches("compliance", carol.getPassword())).isFalse();
        assertThat(carol.getAuthorities()).extracting(Object::toString)
                                          .containsExactlyInAnyOrder("ROLE_COMPLIANCE", "ROLE_ADMIN");
        assertThatThrownBy(() -> users.loadUserByUsername("compliance")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void withoutConfiguredUsersTheDevelopmentUsersSignInWithTheirNames() {
        for (UserDetailsService users : new UserDetailsService[]{users(null), users(Map.of())}) {
            for (Role role : Role.values()) {
                UserDetails user = users.loadUserByUsername(role.name().toLowerCase());
                assertThat(passwords.matches(role.name().toLowerCase(), user.getPassword())).isTrue();
                assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly(role.authority());
            }
        }
    }

    @Test
    void aUserWithoutAnEncodedPasswordOrARoleIsRefusedAtStartup() {
        assertThatThrownBy(() -> users(Map.of("dave", new HallSecurityProperties.User("plain", List.of(Role.ADMIN)))))
                .hasMessageContaining("hall.security.users.dave.password must name its encoding");
        assertThatThrownBy(() -> users(Map.of("dave", new HallSecurityProperties.User("{noop}x", List.of()))))
                .hasMessageContaining("hall.security.users.dave.roles must name at least one of [ANALYST, "
                                      + "SUPERVISOR, COMPLIANCE, ADMIN]");
    }
}
