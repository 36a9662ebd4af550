package org.servicehall.platform.personaldata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.bson.types.Binary;

import javax.crypto.SecretKey;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.unset;

/**
 * Every customer's data key, in {@code personal_data_keys}: {@code {_id: customerId, key: <wrapped>, createdAt}},
 * the key wrapped with the {@link MasterKey}. Erasing removes the key and leaves {@code {_id, createdAt, erasedAt}},
 * so the customer stays erased: personal data written for them later is sealed with a key nobody keeps.
 * <p>
 * A key is created on first use; instances racing to create the same one are settled by the unique {@code _id}: the
 * loser reads the winner's. Lookups are cached for at most {@code ttl} (a key never changes, so only an erasure can
 * make an entry stale): an erasure on one instance takes effect on the others within that time, at once on its own.
 * A customer with no document is not cached, since another instance may create their key at any moment.
 */
final class CustomerKeys {

    static final String COLLECTION = "personal_data_keys";
    static final String KEY = "key";
    static final String CREATED_AT = "createdAt";
    static final String ERASED_AT = "erasedAt";
    private static final int CACHED_CUSTOMERS = 10_000;

    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;
    private final Clock clock;
    /** Per customer: their key, or empty once erased. */
    private final Cache<String, Optional<SecretKey>> cache;

    CustomerKeys(MongoDatabase database, SecretKey masterKey, Duration ttl, Ticker ticker, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.masterKey = masterKey;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(CACHED_CUSTOMERS).ticker(ticker).build();
    }

    /** The customer's key; empty once erased, or if it never existed (then nothing was sealed with it either). */
    Optional<SecretKey> forReading(String customerId) {
        Optional<SecretKey> cached = cache.getIfPresent(customerId);
        if (cached != null) {
            return cached;
        }
        Document stored = keys.find(eq("_id", customerId)).first();
        return stored == null ? Optional.empty() : remember(customerId, stored);
    }

    /** The customer's key, created on first use. Once erased: a fresh key that is kept nowhere. */
    SecretKey forWriting(String customerId) {
        Optional<SecretKey> key = cache.getIfPresent(customerId);
        if (key == null) {
            Document stored = keys.find(eq("_id", customerId)).first();
            key = remember(customerId, stored != null ? stored : create(customerId));
        }
        return key.orElseGet(Aes::newKey);
    }

    ErasureOutcome erase(String customerId) {
        Document before = keys.findOneAndUpdate(eq("_id", customerId),
                                                combine(unset(KEY), min(ERASED_AT, Date.from(clock.instant()))),
                                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return ErasureOutcome.UNKNOWN_CUSTOMER;
        }
        cache.put(customerId, Optional.empty());
        return before.containsKey(KEY) ? ErasureOutcome.ERASED : ErasureOutcome.ALREADY_ERASED;
    }

    /** Fails at startup, rather than on the first read, when the master key is not the one the keys were wrapped with. */
    void verifyMasterKey() {
        Document any = keys.find(exists(KEY)).first();
        if (any != null) {
            unwrap(any.getString("_id"), any.get(KEY, Binary.class).getData());
        }
    }

    private Document create(String customerId) {
        SecretKey key = Aes.newKey();
        Document document = new Document("_id", customerId)
                .append(KEY, new Binary(Aes.encrypt(masterKey, key.getEncoded(), wrappingContext(customerId))))
                .append(CREATED_AT, Date.from(clock.instant()));
        try {
            keys.insertOne(document);
            return document;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another instance created it first (and may even have erased it since): theirs is the one.
            return keys.find(eq("_id", customerId)).first();
        }
    }

    private Optional<SecretKey> remember(String customerId, Document stored) {
        Optional<SecretKey> key = Optional.ofNullable(stored.get(KEY, Binary.class))
                                          .map(wrapped -> unwrap(customerId, wrapped.getData()));
        cache.put(customerId, key);
        return key;
    }

    private SecretKey unwrap(String customerId, byte[] wrapped) {
        try {
            return Aes.key(Aes.decrypt(masterKey, wrapped, wrappingContext(customerId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The personal-data key of customer " + customerId + " cannot be "
                                            + "unwrapped: the master key (" + MasterKey.ENVIRONMENT + ") is not the "
                                            + "one it was wrapped with", e);
        }
    }

    private static String wrappingContext(String customerId) {
        return COLLECTION + ":" + customerId;
    }
}
