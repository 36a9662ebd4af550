package org.servicehall.platform.commandapi;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.servicehall.platform.web.ApiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;

/**
 * {@code Idempotency-Key}s and the responses they got, in the {@value #COLLECTION} collection, so that every instance
 * of the command side sees them.
 * <p>
 * A key is claimed by inserting its document ({@code _id} = client id and key): the primary key lets exactly one
 * request win, on MongoDB and the embedded server alike, without transactions. The winner's response is stored in the
 * same document; every later request with the key is answered from it. Each claim has an owner token, so a request
 * that stalled past {@code in-progress-timeout} and was taken over by a retry can neither complete nor release the
 * retry's claim. Documents expire {@code retention} after their response: a TTL index removes them on MongoDB, and
 * {@link #purge()} (run every {@code purge-interval}) on the embedded server, which ignores TTL indexes; until then an
 * expired document counts as absent.
 */
final class IdempotencyStore implements AutoCloseable {

    static final String COLLECTION = "idempotency_keys";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final int MAX_ATTEMPTS = 3;

    private final MongoCollection<Document> keys;
    private final ApiProperties.Idempotency settings;
    private final Clock clock;
    private final ScheduledExecutorService purger;

    IdempotencyStore(MongoTemplate mongo, ApiProperties.Idempotency settings, Clock clock) {
        this.keys = mongo.getCollection(COLLECTION);
        this.settings = settings;
        this.clock = clock;
        keys.createIndex(Indexes.ascending("expiresAt"),
                         new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
        this.purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.purgeInterval().toMillis();
        purger.scheduleWithFixedDelay(this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** What a request with a key may do. */
    sealed interface Claim {
    }

    /** The key is this request's: handle it, then {@link #complete} or {@link #release}. */
    record Claimed(String id, String owner) implements Claim {
    }

    /** The key was used for this request before: answer with its response. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The key was used for a different request. */
    record Mismatch() implements Claim {
    }

    /** The first request with the key is still being handled. */
    record InProgress() implements Claim {
    }

    /** A response as it went out: status, the headers worth repeating, and the body. */
    record StoredResponse(int status, Map<String, String> headers, String body) {
    }

    Claim claim(String id, String requestFingerprint) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            String owner = UUID.randomUUID().toString();
            try {
                keys.insertOne(new Document("_id", id).append("request", requestFingerprint)
                                                      .append("owner", owner)
                                                      .append("startedAt", Date.from(now))
                                                      .append("expiresAt", Date.from(now.plus(settings.retention()))));
                return new Claimed(id, owner);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = keys.find(eq("_id", id)).first();
            if (existing == null) {
                continue; // released or purged meanwhile: claim again
            }
            if (existing.getDate("expiresAt").toInstant().isBefore(now)) {
                keys.deleteOne(and(eq("_id", id), eq("owner", existing.getString("owner"))));
                continue;
            }
            if (!requestFingerprint.equals(existing.getString("request"))) {
                return new Mismatch();
            }
            Document response = existing.get("response", Document.class);
            if (response != null) {
                return new Replay(storedResponse(response));
            }
            if (existing.getDate("startedAt").toInstant().isAfter(now.minus(settings.inProgressTimeout()))) {
                return new InProgress();
            }
            // The first request's instance died or stalled: this retry takes the key over.
            long taken = keys.updateOne(and(eq("_id", id), eq("owner", existing.getString("owner")),
                                            exists("response", false)),
                                        Updates.combine(Updates.set("owner", owner),
                                                        Updates.set("startedAt", Date.from(now))))
                             .getModifiedCount();
            if (taken == 1) {
                return new Claimed(id, owner);
            }
        }
        return new InProgress();
    }

    void complete(Claimed claim, StoredResponse response) {
        Document stored = new Document("status", response.status())
                .append("headers", new Document(new LinkedHashMap<>(response.headers())))
                .append("body", response.body());
        keys.updateOne(and(eq("_id", claim.id()), eq("owner", claim.owner())),
                       Updates.combine(Updates.set("response", stored),
                                       Updates.set("expiresAt",
                                                   Date.from(clock.instant().plus(settings.retention())))));
    }

    void release(Claimed claim) {
        keys.deleteOne(and(eq("_id", claim.id()), eq("owner", claim.owner())));
    }

    /** Deletes expired keys; returns how many. */
    long purge() {
        return keys.deleteMany(lt("expiresAt", Date.from(clock.instant()))).getDeletedCount();
    }

    private void purgeQuietly() {
        try {
            long purged = purge();
            log.debug("Purged {} expired idempotency keys", purged);
        } catch (RuntimeException e) {
            log.warn("Purging expired idempotency keys failed; next attempt in {}", settings.purgeInterval(), e);
        }
    }

    private static StoredResponse storedResponse(Document response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.get("headers", Document.class).forEach((name, value) -> headers.put(name, (String) value));
        return new StoredResponse(response.getInteger("status"), headers, response.getString("body"));
    }

    @Override
    public void close() {
        purger.shutdownNow();
    }
}
