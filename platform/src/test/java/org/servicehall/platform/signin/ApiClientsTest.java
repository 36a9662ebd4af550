package org.servicehall.platform.signin;

import com.github.benmanes.caffeine.cache.Ticker;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.RuleViolation;
import org.servicehall.platform.testing.TestClock;
import org.servicehall.platform.testing.TestMongo;
import org.servicehall.platform.web.NotFound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiClientsTest {

    private static final SignInProperties.ApiKeys SETTINGS =
            new SignInProperties.ApiKeys(Duration.ofSeconds(10), Duration.ofMinutes(1));

    private final TestMongo mongo = TestMongo.start();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T01:00:00Z"));
    private final ApiClients clients = new ApiClients(mongo.database(), SETTINGS, ticker, clock);
    /** Another instance of a side on the same database. */
    private final ApiClients elsewhere = new ApiClients(mongo.database(), SETTINGS, ticker, clock);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aNewClientsKeySignsInAsItsClientAndIsStoredOnlyAsItsHash() {
        ApiClients.NewKey key = clients.create("tm-1", ClientKind.TICKET_MACHINE, "Ticket machine 1");

        assertThat(key.secret()).startsWith("shk_").hasSize(4 + 43);
        assertThat(clients.signIn(key.secret())).contains(
                new ApiClients.SignedInClient("tm-1", ClientKind.TICKET_MACHINE, key.id()));
        assertThat(clients.signIn(key.secret() + "x")).isEmpty();
        assertThat(clients.signIn("shk_" + "A".repeat(43))).isEmpty();
        Document stored = mongo.database().getCollection(ApiClients.KEYS).find().first();
        assertThat(stored.getString("_id")).isEqualTo(ApiKeySecrets.hash(key.secret())).matches("sha256:[0-9a-f]{64}");
        assertThat(stored.toJson()).doesNotContain(key.secret());
        assertThat(clients.list().toString()).doesNotContain(key.secret()).doesNotContain(stored.getString("_id"))
                                             .doesNotContain(stored.getString("_id").substring(7));
    }

    @Test
    void keysRotateWithoutDowntimeAndARevokedKeyIsRefusedHereAtOnceAndEverywhereWithinTheCacheTime() {
        String old = clients.create("pt-1", ClientKind.PAYMENT_TERMINAL, "Payment terminal 1").secret();
        assertThat(elsewhere.signIn(old)).isPresent();
        clock.advance(Duration.ofDays(30));
        ApiClients.NewKey added = clients.addKey("pt-1");

        assertThat(clients.signIn(old)).as("both keys work while the terminal switches over").isPresent();
        assertThat(elsewhere.signIn(added.secret())).isPresent();
        String oldId = clients.client("pt-1").keys().get(0).id();
        assertThat(clients.client("pt-1").keys().get(1).id()).isEqualTo(added.id());
        ApiClients.ClientView revoked = clients.revoke("pt-1", oldId);

        assertThat(revoked.keys()).extracting(ApiClients.KeyView::revokedAt).containsExactly(clock.instant(), null);
        assertThat(clients.signIn(old)).as("on the instance that revoked it: at once").isEmpty();
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(elsewhere.signIn(old)).as("another instance may still use its cached lookup").isPresent();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(elsewhere.signIn(old)).as("after cache-ttl, refused everywhere").isEmpty();
        assertThat(elsewhere.signIn(added.secret())).as("the new key goes on").isPresent();
    }

    @Test
    void aDisabledClientsKeysAreRefusedUntilItIsEnabledAgain() {
        String key = clients.create("cd-1", ClientKind.COMPLAINT_DESK, "Complaint desk").secret();
        assertThat(clients.signIn(key)).isPresent();

        assertThat(clients.disable("cd-1").disabledAt()).isEqualTo(clock.instant());
        assertThat(clients.signIn(key)).isEmpty();
        assertThat(clients.enable("cd-1").disabledAt()).isNull();
        assertThat(clients.signIn(key)).isPresent();
    }

    @Test
    void lastUsedIsWrittenAtMostOncePerIntervalNotPerRequest() {
        String key = clients.create("gt-1", ClientKind.GUIDE_TABLET, "Guide tablet").secret();
        Instant first = clock.instant();
        clients.signIn(key);
        clock.advance(Duration.ofSeconds(30));
        clients.signIn(key);

        assertThat(clients.client("gt-1").keys().get(0).lastUsedAt()).isEqualTo(first);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        clock.advance(Duration.ofSeconds(31));
        clients.signIn(key);
        assertThat(clients.client("gt-1").keys().get(0).lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void idsAreUniqueAndUnknownClientsOrKeysAreNotFound() {
        clients.create("bo-1", ClientKind.BACK_OFFICE, "Back office");

        assertThatThrownBy(() -> clients.create("bo-1", ClientKind.BACK_OFFICE, "Again"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("exists already");
        assertThatThrownBy(() -> clients.addKey("nobody")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> clients.revoke("bo-1", "key-000000000000")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> clients.disable("nobody")).isInstanceOf(NotFound.class);
        assertThat(mongo.database().getCollection(ApiClients.KEYS).countDocuments()).isEqualTo(1);
    }

    @Test
    void provisionedClientsGetTheirKeysOnceAndKeepARevocation() {
        String key = ApiKeySecrets.generate();
        clients.provision("ct-9", ClientKind.COUNTER_TERMINAL, "Counter 9", List.of(ApiKeySecrets.hash(key)), false);
        clients.revoke("ct-9", clients.client("ct-9").keys().get(0).id());

        clients.provision("ct-9", ClientKind.COUNTER_TERMINAL, "Counter nine", List.of(ApiKeySecrets.hash(key)),
                          false);

        assertThat(clients.client("ct-9").name()).isEqualTo("Counter nine");
        assertThat(clients.signIn(key)).as("revoked over the API, not brought back by the configuration").isEmpty();
        assertThat(clients.activeDevelopmentKeys()).isEmpty();
        clients.provision("dev-x", ClientKind.TICKET_MACHINE, "Dev", List.of(ApiKeySecrets.hash("shk_dev")), true);
        assertThat(clients.activeDevelopmentKeys()).singleElement().asString().contains("dev-x");
    }
}
