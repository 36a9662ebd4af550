package org.servicehall.platform.personaldata;

import com.github.benmanes.caffeine.cache.Ticker;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerKeysTest {

    private final TestMongo mongo = TestMongo.start();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    @AfterEach
    void close() {
        mongo.close();
    }

    /** One instance of a side: its own cache, the shared database. */
    private CustomerKeys instance() {
        return TestVault.keys(mongo.database(), TestVault.MASTER_KEY, ticker);
    }

    private Document stored(String customerId) {
        return mongo.database().getCollection(CustomerKeys.COLLECTION).find(eq("_id", customerId)).first();
    }

    @Test
    void twoInstancesCreatingTheSameCustomersKeyAtOnceEndUpWithOneKey() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String customerId = "c-" + round;
                CustomerKeys first = instance();
                CustomerKeys second = instance();
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<SecretKey> a = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return first.forWriting(customerId);
                }, threads);
                CompletableFuture<SecretKey> b = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return second.forWriting(customerId);
                }, threads);

                assertThat(a.get().getEncoded()).isEqualTo(b.get().getEncoded());
                assertThat(instance().forReading(customerId)).get().extracting(SecretKey::getEncoded)
                                                             .isEqualTo(a.get().getEncoded());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(mongo.database().getCollection(CustomerKeys.COLLECTION).countDocuments()).isEqualTo(20);
    }

    @Test
    void theDataKeyIsStoredOnlyWrappedWithTheMasterKey() {
        SecretKey key = instance().forWriting("c-1");

        byte[] stored = stored("c-1").get(CustomerKeys.KEY, Binary.class).getData();

        assertThat(Arrays.equals(stored, key.getEncoded())).isFalse();
        assertThat(indexOf(stored, key.getEncoded())).isNegative();
        CustomerKeys otherMasterKey = TestVault.keys(mongo.database(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                                                     ticker);
        assertThatThrownBy(otherMasterKey::verifyMasterKey)
                .hasMessageContaining("the master key (HALL_PERSONAL_DATA_MASTER_KEY) is not the one it was wrapped");
    }

    @Test
    void erasingRemovesTheKeyOnceAndLeavesARecordThatTheCustomerIsErased() {
        CustomerKeys keys = instance();
        keys.forWriting("c-1");

        assertThat(keys.erase("c-1")).isEqualTo(ErasureOutcome.ERASED);
        Document tombstone = stored("c-1");
        assertThat(keys.erase("c-1")).isEqualTo(ErasureOutcome.ALREADY_ERASED);
        assertThat(keys.erase("never-seen")).isEqualTo(ErasureOutcome.UNKNOWN_CUSTOMER);

        assertThat(tombstone).doesNotContainKey(CustomerKeys.KEY).containsKeys(CustomerKeys.ERASED_AT,
                                                                                CustomerKeys.CREATED_AT);
        assertThat(stored("c-1")).as("a second erasure keeps the first one's time").isEqualTo(tombstone);
        assertThat(stored("never-seen")).isNull();
        assertThat(keys.forReading("c-1")).isEmpty();
        assertThat(instance().forReading("c-1")).isEmpty();
    }

    @Test
    void anErasureOnOneInstanceReachesAnotherOnceItsCachedKeyExpires() {
        CustomerKeys erasing = instance();
        CustomerKeys reading = instance();
        reading.forWriting("c-1");
        assertThat(reading.forReading("c-1")).isPresent();

        erasing.erase("c-1");

        assertThat(erasing.forReading("c-1")).as("at once where it was erased").isEmpty();
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(reading.forReading("c-1")).as("still cached elsewhere, within the bound").isPresent();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(reading.forReading("c-1")).as("and gone everywhere after it").isEmpty();
    }

    @Test
    void personalDataWrittenAfterAnErasureIsErasedFromTheStartAndRecreatesNoKey() {
        PersonalDataVault vault = new PersonalDataVault(instance());
        vault.seal("c-1", "张三");
        vault.erase("c-1");
        Document tombstone = stored("c-1");

        String sealedAfterwards = vault.seal("c-1", "张三");

        assertThat(vault.open(sealedAfterwards)).isEqualTo(PersonalDataVault.ERASED);
        assertThat(new PersonalDataVault(instance()).open(sealedAfterwards)).isEqualTo(PersonalDataVault.ERASED);
        assertThat(stored("c-1")).isEqualTo(tombstone);
    }

    @Test
    void aCustomerWithoutAKeyIsNotRememberedSoAKeyCreatedElsewhereIsFound() {
        CustomerKeys reading = instance();
        assertThat(reading.forReading("c-1")).isEmpty();

        SecretKey created = instance().forWriting("c-1");

        assertThat(reading.forReading("c-1")).get().extracting(SecretKey::getEncoded)
                                             .isEqualTo(created.getEncoded());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
