package org.servicehall.platform.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.converter.RsaKeyConverters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens as a test OIDC provider would issue them, signed with a key whose public half the sides are given
 * ({@link #ISSUER_PROPERTY} and the others, for {@code @TestPropertySource(properties = ...)}); the user's roles in
 * {@code realm_access.roles}, their name in {@code preferred_username}, as Keycloak puts them.
 */
public final class TestTokens {

    public static final String ISSUER = "https://login.test/realms/hall";
    public static final String AUDIENCE = "service-hall";
    public static final String ISSUER_PROPERTY = "hall.security.oidc.issuer-uri=" + ISSUER;
    public static final String KEY_PROPERTY = "hall.security.oidc.public-key-location=classpath:oidc/test-issuer-public.pem";
    public static final String AUDIENCE_PROPERTY = "hall.security.oidc.audience=" + AUDIENCE;
    public static final String ROLES_PROPERTY = "hall.security.oidc.roles-claim=realm_access.roles";
    public static final String NAME_PROPERTY = "hall.security.oidc.name-claim=preferred_username";

    private TestTokens() {
    }

    /** All the settings, as command-line arguments. */
    public static List<String> arguments() {
        return List.of(ISSUER_PROPERTY, KEY_PROPERTY, AUDIENCE_PROPERTY, ROLES_PROPERTY, NAME_PROPERTY).stream()
                   .map(setting -> "--" + setting).toList();
    }

    /** A valid token for {@code user} with {@code roles}, for an hour. */
    public static String token(String user, String... roles) {
        return sign("test-issuer-private.pem", claims(user, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1)),
                                                      roles));
    }

    public static JWTClaimsSet.Builder claims(String user, String issuer, String audience, Instant expires,
                                              String... roles) {
        return new JWTClaimsSet.Builder().subject("sub-" + user).claim("preferred_username", user).issuer(issuer)
                                         .audience(audience).issueTime(Date.from(expires.minus(Duration.ofHours(2))))
                                         .expirationTime(Date.from(expires))
                                         .claim("realm_access", Map.of("roles", List.of(roles)));
    }

    /** Signed with the test issuer's key ({@code test-issuer-private.pem}) or another ({@code other-...}). */
    public static String sign(String privateKey, JWTClaimsSet.Builder claims) {
        try (InputStream in = TestTokens.class.getResourceAsStream("/oidc/" + privateKey)) {
            RSAPrivateKey key = RsaKeyConverters.pkcs8().convert(in);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
