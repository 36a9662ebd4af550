package org.servicehall.platform.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a user's password once, not on every request: HTTP Basic sends it with each one, and a bcrypt check costs
 * tens of milliseconds by design. A successful check is remembered for {@code password-cache.ttl} under a SHA-256 of
 * name and password (the cache holds no password), bounded in size; a wrong password is always checked in full (and
 * counted by the {@link SignInThrottle}). Users come from the configuration, which only changes with a restart, so a
 * remembered check cannot outlive a changed password. Spring Security's own {@code UserCache} keeps the user's
 * details but still runs the password encoder every time, hence this.
 */
final class RememberedPasswords implements AuthenticationProvider {

    private record Checked(Object principal, List<GrantedAuthority> authorities) {
    }

    private final AuthenticationProvider passwords;
    private final Cache<String, Checked> checked;

    RememberedPasswords(AuthenticationProvider passwords, SignInProperties.PasswordCache settings) {
        this.passwords = passwords;
        this.checked = Caffeine.newBuilder().expireAfterWrite(settings.ttl()).maximumSize(settings.maxSize()).build();
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String key = key(attempt.getName(), String.valueOf(attempt.getCredentials()));
        Checked known = checked.getIfPresent(key);
        if (known == null) {
            Authentication result = passwords.authenticate(attempt);
            if (result == null) {
                return null;
            }
            known = new Checked(result.getPrincipal(), List.<GrantedAuthority>copyOf(result.getAuthorities()));
            checked.put(key, known);
        }
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(known.principal(), null, known.authorities());
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(String name, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
