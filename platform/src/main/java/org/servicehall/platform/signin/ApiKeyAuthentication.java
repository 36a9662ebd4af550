package org.servicehall.platform.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;

import java.util.List;

/**
 * An integrator client signing in with its API key ({@value #HEADER}): before, the key; after, the client, whose
 * authorities are {@value #CLIENT_AUTHORITY} and its kind's. Spring Security has no API-key authentication of its
 * own; its generic {@code AuthenticationFilter} runs this converter and provider.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    static final String HEADER = "X-Api-Key";
    /** Held by every integrator client, whatever its kind. */
    static final String CLIENT_AUTHORITY = "CLIENT";

    private final transient String key;
    private final transient ApiClients.SignedInClient client;

    private ApiKeyAuthentication(String key) {
        super(List.of());
        this.key = key;
        this.client = null;
    }

    private ApiKeyAuthentication(ApiClients.SignedInClient client, Object details) {
        super(List.of(new SimpleGrantedAuthority(CLIENT_AUTHORITY), new SimpleGrantedAuthority(client.kind().authority())));
        this.key = null;
        this.client = client;
        setDetails(details);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return client != null ? client.clientId() : null;
    }

    @Override
    public String getName() {
        return client != null ? client.clientId() : "(an API key)";
    }

    /** Reads the key from the request (the header is known to be sent at most once, see {@link CredentialHeaders}). */
    static AuthenticationConverter converter() {
        WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
        return (HttpServletRequest request) -> {
            String key = request.getHeader(HEADER);
            if (key == null) {
                return null;
            }
            ApiKeyAuthentication attempt = new ApiKeyAuthentication(key);
            attempt.setDetails(details.buildDetails(request));
            return attempt;
        };
    }

    /** Finds the key's client. */
    static AuthenticationProvider provider(ApiClients clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String key = (String) attempt.getCredentials();
                return clients.signIn(key).map(client -> new ApiKeyAuthentication(client, attempt.getDetails()))
                              .orElseThrow(() -> new BadCredentialsException(
                                      "The API key is not valid: unknown, revoked, or its client is disabled"));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return ApiKeyAuthentication.class.isAssignableFrom(authentication);
            }
        };
    }
}
