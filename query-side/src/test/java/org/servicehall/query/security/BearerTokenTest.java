package org.servicehall.query.security;

import org.junit.jupiter.api.Test;
import org.servicehall.platform.signin.TestTokens;
import org.servicehall.query.HallClient;
import org.servicehall.query.QuerySideTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** People signed in by the OIDC provider: its tokens are checked by signature, issuer, audience and lifetime. */
@QuerySideTest
@TestPropertySource(properties = {TestTokens.ISSUER_PROPERTY, TestTokens.KEY_PROPERTY, TestTokens.AUDIENCE_PROPERTY,
        TestTokens.ROLES_PROPERTY, TestTokens.NAME_PROPERTY})
class BearerTokenTest {

    private static final String HISTORY = "/api/history/access-log";

    @LocalServerPort
    int port;

    @Test
    void aValidTokenSignsInWithTheRolesOfTheConfiguredClaim() {
        assertThat(bearer(TestTokens.token("carol", "compliance")).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> analyst = bearer(TestTokens.token("dave", "ANALYST", "offline_access"));
        assertThat(analyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(analyst.getBody().get("detail").toString()).startsWith("User 'dave' (roles [ANALYST])");
        ResponseEntity<Map> log = bearer(TestTokens.token("carol", "COMPLIANCE"));
        assertThat(log.getBody().toString()).as("the access log names the user from preferred_username")
                                            .contains("user=carol");
    }

    @Test
    void expiredWronglyIssuedOrAddressedOrForeignTokensAreUnauthorised() {
        Instant past = Instant.now().minus(Duration.ofMinutes(5));
        String expired = TestTokens.sign("test-issuer-private.pem",
                                         TestTokens.claims("carol", TestTokens.ISSUER, TestTokens.AUDIENCE, past,
                                                           "COMPLIANCE"));
        Instant later = Instant.now().plus(Duration.ofHours(1));
        String otherIssuer = TestTokens.sign("test-issuer-private.pem",
                                             TestTokens.claims("carol", "https://evil.test", TestTokens.AUDIENCE,
                                                               later, "COMPLIANCE"));
        String otherAudience = TestTokens.sign("test-issuer-private.pem",
                                               TestTokens.claims("carol", TestTokens.ISSUER, "another-app", later,
                                                                 "COMPLIANCE"));
        String foreignKey = TestTokens.sign("other-issuer-private.pem",
                                            TestTokens.claims("carol", TestTokens.ISSUER, TestTokens.AUDIENCE, later,
                                                              "COMPLIANCE"));

        for (String token : new String[] {expired, otherIssuer, otherAudience, foreignKey, "not-a-jwt"}) {
            ResponseEntity<Map> refused = bearer(token);
            assertThat(refused.getStatusCode()).as(token).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getBody().get("detail").toString()).startsWith("The bearer token is not valid");
        }
        assertThat(bearer(expired).getBody().get("detail").toString()).contains("expired");
    }

    private ResponseEntity<Map> bearer(String token) {
        return HallClient.on(port).anonymous().get(HISTORY, Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
