package org.servicehall.platform.personaldata;

import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.client.MongoDatabase;

import java.time.Clock;
import java.time.Duration;

/**
 * A {@link PersonalDataVault} on a test's database, for tests that build projections or serializers by hand; Spring
 * tests get the real bean. {@link #MASTER_KEY} is what tests give {@code hall.personal-data.master-key}.
 */
public final class TestVault {

    /** base64 of "test-only-master-key-32-bytes!!!": for tests only, never for real data. */
    public static final String MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";
    public static final String MASTER_KEY_PROPERTY = MasterKey.PROPERTY + "=" + MASTER_KEY;

    private TestVault() {
    }

    public static PersonalDataVault on(MongoDatabase database) {
        return new PersonalDataVault(keys(database, MASTER_KEY, Ticker.systemTicker()));
    }

    static CustomerKeys keys(MongoDatabase database, String masterKey, Ticker ticker) {
        return new CustomerKeys(database, MasterKey.decode(masterKey, "the test"), Duration.ofSeconds(30), ticker,
                                Clock.systemUTC());
    }
}
