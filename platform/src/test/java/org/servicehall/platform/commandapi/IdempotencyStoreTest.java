package org.servicehall.platform.commandapi;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;
import org.servicehall.platform.web.ApiProperties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyStoreTest {

    private static final ApiProperties.Idempotency SETTINGS =
            new ApiProperties.Idempotency(Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofMinutes(10));
    private static final IdempotencyStore.StoredResponse CREATED = new IdempotencyStore.StoredResponse(
            201, Map.of("Location", "/api/visits/v-1", "ETag", "\"0\""), "{\"id\":\"v-1\",\"version\":0}");

    private final TestMongo mongo = TestMongo.start();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T01:00:00Z"));
    private final IdempotencyStore store = new IdempotencyStore(mongo.mongoTemplate(), SETTINGS, clock);

    @AfterEach
    void close() {
        store.close();
        mongo.close();
    }

    @Test
    void theFirstRequestClaimsTheKeyAndLaterOnesWaitMismatchOrReplay() {
        IdempotencyStore.Claim first = store.claim("terminal-1 k", "request-a");

        assertThat(first).isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim("terminal-1 k", "request-a")).isInstanceOf(IdempotencyStore.InProgress.class);
        assertThat(store.claim("terminal-1 k", "request-b")).isInstanceOf(IdempotencyStore.Mismatch.class);

        store.complete((IdempotencyStore.Claimed) first, CREATED);

        assertThat(store.claim("terminal-1 k", "request-a")).isEqualTo(new IdempotencyStore.Replay(CREATED));
        assertThat(store.claim("terminal-1 k", "request-b")).isInstanceOf(IdempotencyStore.Mismatch.class);
        assertThat(store.claim("terminal-2 k", "request-b")).as("another client's key")
                                                            .isInstanceOf(IdempotencyStore.Claimed.class);
    }

    @Test
    void aReleasedKeyMayBeClaimedAgain() {
        store.release((IdempotencyStore.Claimed) store.claim("t k", "request-a"));

        assertThat(store.claim("t k", "request-b")).isInstanceOf(IdempotencyStore.Claimed.class);
    }

    @Test
    void aClaimWhoseRequestNeverFinishedIsTakenOverAndItsOwnerCanNoLongerComplete() {
        IdempotencyStore.Claimed stalled = (IdempotencyStore.Claimed) store.claim("t k", "request-a");
        clock.advance(Duration.ofSeconds(31));

        IdempotencyStore.Claim retry = store.claim("t k", "request-a");
        store.complete(stalled, CREATED);
        store.release(stalled);

        assertThat(retry).isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim("t k", "request-a")).as("still the retry's")
                                                   .isInstanceOf(IdempotencyStore.InProgress.class);
        store.complete((IdempotencyStore.Claimed) retry, CREATED);
        assertThat(store.claim("t k", "request-a")).isEqualTo(new IdempotencyStore.Replay(CREATED));
    }

    @Test
    void keysExpireARetentionAfterTheirResponseAndArePurged() {
        store.complete((IdempotencyStore.Claimed) store.claim("t old", "request-a"), CREATED);
        clock.advance(Duration.ofHours(23));
        store.complete((IdempotencyStore.Claimed) store.claim("t recent", "request-a"), CREATED);
        clock.advance(Duration.ofHours(2));

        assertThat(store.purge()).isEqualTo(1);
        assertThat(store.claim("t old", "request-b")).as("forgotten").isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim("t recent", "request-a")).isInstanceOf(IdempotencyStore.Replay.class);

        clock.advance(Duration.ofHours(23));
        assertThat(store.claim("t recent", "request-b")).as("expired but not purged yet counts as absent")
                                                        .isInstanceOf(IdempotencyStore.Claimed.class);
    }

    /** MongoDB deletes expired keys by this index; the embedded server lists it but ignores it, hence purge(). */
    @Test
    void keysCarryATimeToLiveIndex() {
        List<Document> indexes = mongo.database().getCollection(IdempotencyStore.COLLECTION).listIndexes()
                                      .into(new ArrayList<>());

        assertThat(indexes).anySatisfy(index -> {
            assertThat(index).containsEntry("name", "expiresAt_ttl");
            assertThat(index.get("expireAfterSeconds", Number.class).longValue()).isZero();
        });
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
