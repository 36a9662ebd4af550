package org.servicehall.platform.signin;

import org.servicehall.platform.personaldata.Visibility;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking, as the sign-in established it for the current request: a person with their roles, or an integrator
 * client (its id as the name, and its kind). Outside a request (an event processor, say) nobody: no roles, and
 * personal data masked.
 *
 * @param name  the user's name (their staff id), or the client's id
 * @param roles a person's roles; none for a client
 * @param kind  a client's kind; null for a person
 */
public record Caller(String name, Set<Role> roles, ClientKind kind) {

    static final String NOBODY = "nobody";

    public static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Caller of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return new Caller(NOBODY, EnumSet.noneOf(Role.class), null);
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                                                .collect(Collectors.toSet());
        Set<Role> roles = Arrays.stream(Role.values()).filter(role -> authorities.contains(role.authority()))
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        ClientKind kind = Arrays.stream(ClientKind.values()).filter(k -> authorities.contains(k.authority()))
                                .findFirst().orElse(null);
        return new Caller(authentication.getName(), roles, kind);
    }

    /** The integrator client's id, if the caller is one. */
    public Optional<String> clientId() {
        return kind != null ? Optional.of(name) : Optional.empty();
    }

    /** Only compliance staff see personal data in clear. */
    public Visibility visibility() {
        return roles.contains(Role.COMPLIANCE) ? Visibility.CLEAR : Visibility.MASKED;
    }

    /** How the caller is named in a refusal: {@code user 'carol' (roles [ANALYST])} or {@code client 'tm-1' (...)}. */
    String described() {
        return kind != null ? "Client '" + name + "' (a " + kind + ")" : "User '" + name + "' (roles " + roles + ")";
    }
}
