package org.servicehall.platform.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Who signs in and how, under {@code hall.security.*}, the same on both sides.
 *
 * @param users        people signing in with HTTP Basic, by user name (their staff id): {@code password} with its
 *                     encoding ({@code {bcrypt}$2a$10$...}, {@code {noop}secret} for development) and {@code roles};
 *                     when none are configured, the development users sign in on the embedded default
 * @param oidc         people signing in with an OIDC provider's bearer tokens (JWT)
 * @param clients      integrator clients provisioned by configuration, by client id, with the hashes of their keys
 * @param apiKeys      how API keys are looked up
 * @param throttle     failed sign-ins, counted per user and per address
 * @param rateLimit    requests per client and per user
 * @param passwordCache how long a successful password check is remembered (so bcrypt runs once, not per request)
 * @param apiDocsOpen  whether {@code /v3/api-docs} and Swagger UI answer without credentials
 */
@ConfigurationProperties("hall.security")
public record SignInProperties(Map<String, User> users,
                               @DefaultValue Oidc oidc,
                               Map<String, Client> clients,
                               @DefaultValue ApiKeys apiKeys,
                               @DefaultValue Throttle throttle,
                               @DefaultValue RateLimit rateLimit,
                               @DefaultValue PasswordCache passwordCache,
                               @DefaultValue("true") boolean apiDocsOpen) {

    public SignInProperties {
        users = users == null ? Map.of() : users;
        clients = clients == null ? Map.of() : clients;
    }

    public record User(String password, List<Role> roles) {
    }

    /**
     * @param issuerUri         the issuer every token must name ({@code iss}); without a key source below, its
     *                          discovery document ({@code /.well-known/openid-configuration}) names the key set
     * @param jwkSetUri         the issuer's key set (JWKS), if not discovered from the issuer
     * @param publicKeyLocation an RSA public key (PEM, {@code file:} or {@code classpath:}) instead of a key set
     * @param audience          the audience every token must name ({@code aud}), if set
     * @param rolesClaim        the claim holding the user's roles, a dotted path for nested ones
     *                          ({@code realm_access.roles}); values are role names, in any case; others are ignored
     * @param nameClaim         the claim that is the user's name, their staff id (recorded as a refund's supervisor)
     */
    public record Oidc(String issuerUri, String jwkSetUri, String publicKeyLocation, String audience,
                       @DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String nameClaim) {

        public boolean configured() {
            return present(issuerUri) || present(jwkSetUri) || present(publicKeyLocation);
        }

        static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }

    /**
     * @param kind      what the client is
     * @param name      a display name
     * @param keyHashes the hashes of its keys, {@code sha256:<64 hex digits>} (of the key as sent)
     */
    public record Client(ClientKind kind, String name, List<String> keyHashes) {
    }

    /**
     * @param cacheTtl         how long an instance keeps a key it looked up, so how long a revocation (or a disabled
     *                         client) takes to reach every instance (at once on the instance that revoked it)
     * @param lastUsedInterval how often a key's {@code lastUsedAt} is written at most, per instance
     */
    public record ApiKeys(@DefaultValue("10s") Duration cacheTtl, @DefaultValue("1m") Duration lastUsedInterval) {
    }

    /**
     * @param window             the window failures are counted in; a blocked user or address is free again once
     *                           it has passed
     * @param failuresPerUser    failed passwords for one user name within the window before it is blocked
     * @param failuresPerAddress failed sign-ins of any kind (password, API key, token) from one address within the
     *                           window before it is blocked
     */
    public record Throttle(@DefaultValue("5m") Duration window, @DefaultValue("5") int failuresPerUser,
                           @DefaultValue("20") int failuresPerAddress) {
    }

    /**
     * @param clientRequests requests one integrator client may make per period
     * @param userRequests   requests one signed-in person may make per period
     * @param period         the period; the allowance refills evenly over it
     */
    public record RateLimit(@DefaultValue("600") int clientRequests, @DefaultValue("600") int userRequests,
                            @DefaultValue("1m") Duration period) {
    }

    /**
     * @param ttl     how long a successful check of a name and password is remembered
     * @param maxSize how many are remembered at most
     */
    public record PasswordCache(@DefaultValue("10m") Duration ttl, @DefaultValue("10000") int maxSize) {
    }
}
