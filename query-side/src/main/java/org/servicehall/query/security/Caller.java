package org.servicehall.query.security;

import org.servicehall.platform.personaldata.Visibility;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking, as the security filters established it for the current request: a signed-in user with their roles,
 * or {@code anonymous} as an {@link Role#ANALYST}. Outside a request (an event processor, say) it is anonymous too.
 */
public record Caller(String name, Set<Role> roles) {

    static final String ANONYMOUS = "anonymous";

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return new Caller(ANONYMOUS, EnumSet.of(Role.ANALYST));
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                                                .collect(Collectors.toSet());
        Set<Role> roles = Arrays.stream(Role.values()).filter(role -> authorities.contains(role.authority()))
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Caller(authentication.getName(), roles);
    }

    /** Only compliance staff see personal data in clear. */
    public Visibility visibility() {
        return roles.contains(Role.COMPLIANCE) ? Visibility.CLEAR : Visibility.MASKED;
    }
}
