package org.servicehall.platform.signin;

import org.junit.jupiter.api.Test;
import org.servicehall.platform.HallProperties;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HallUsersTest {

    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static UserDetailsService users(Map<String, SignInProperties.User> users, boolean embeddedDefault) {
        SignInProperties properties = new SignInProperties(users, null, null, null, null, null, null, true);
        HallProperties hall = new HallProperties(new HallProperties.Mongodb(
                embeddedDefault ? "" : "mongodb://db1/hall", "hall", 0, false), Path.of("data"), null, null);
        return SignInConfiguration.users(properties, hall);
    }

    @Test
    void configuredUsersReplaceTheDevelopmentUsers() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("s3cret");
        UserDetailsService users = users(Map.of(
                "carol", new SignInProperties.User(hash, List.of(Role.COMPLIANCE, Role.ADMIN))), true);

        UserDetails carol = users.loadUserByUsername("carol");

        assertThat(passwords.matches("s3cret", carol.getPassword())).isTrue();
        assertThat(passwords.matches("compliance", carol.getPassword())).isFalse();
        assertThat(carol.getAuthorities()).extracting(Object::toString)
                                          .containsExactlyInAnyOrder("ROLE_COMPLIANCE", "ROLE_ADMIN");
        assertThatThrownBy(() -> users.loadUserByUsername("compliance")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void withoutConfiguredUsersTheDevelopmentUsersSignInWithTheirNamesOnTheEmbeddedDefaultOnly() {
        UserDetailsService users = users(null, true);
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase(Locale.ROOT);
            UserDetails user = users.loadUserByUsername(name);
            assertThat(passwords.matches(name, user.getPassword())).isTrue();
            assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly(role.authority());
        }
        assertThatThrownBy(() -> users(Map.of(), false).loadUserByUsername("admin"))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void aUserWithoutAnEncodedPasswordOrARoleIsRefusedAtStartup() {
        assertThatThrownBy(() -> users(Map.of("dave", new SignInProperties.User("plain", List.of(Role.ADMIN))), true))
                .hasMessageContaining("hall.security.users.dave.password must name its encoding");
        assertThatThrownBy(() -> users(Map.of("dave", new SignInProperties.User("{noop}x", List.of())), true))
                .hasMessageContaining("hall.security.users.dave.roles must name at least one of [ANALYST, "
                                      + "SUPERVISOR, COMPLIANCE, ADMIN]");
    }

    @Test
    void rolesComeFromAClaimPathInAnyCase() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("supervisor", "offline_access")),
                                            "scope", "openid ANALYST,admin");

        assertThat(OidcTokens.roles(claims, "realm_access.roles")).extracting(Object::toString)
                                                                   .containsExactly("ROLE_SUPERVISOR");
        assertThat(OidcTokens.roles(claims, "scope")).extracting(Object::toString)
                                                      .containsExactly("ROLE_ANALYST", "ROLE_ADMIN");
        assertThat(OidcTokens.roles(claims, "realm_access.missing")).isEmpty();
        assertThat(OidcTokens.roles(claims, "scope.deeper")).isEmpty();
    }
}
