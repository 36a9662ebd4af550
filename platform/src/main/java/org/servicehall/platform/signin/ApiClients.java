package org.servicehall.platform.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.servicehall.api.RuleViolation;
import org.servicehall.platform.web.NotFound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * The integrator clients and their API keys, shared by every instance of both sides through MongoDB:
 * {@value #CLIENTS} ({@code _id} = client id; kind, name, createdAt, disabledAt) and {@value #KEYS} ({@code _id} = the
 * key's {@linkplain ApiKeySecrets#hash hash}; keyId, clientId, createdAt, lastUsedAt, revokedAt). A request's key is
 * found by {@code _id}, an index on MongoDB and the embedded server alike; a client's keys (for admins) by
 * {@code clientId}, indexed on MongoDB and a scan of a small collection on the embedded server.
 * <p>
 * Found keys are cached for {@code cache-ttl}, so a revoked key or a disabled client is refused by every instance
 * within that time, and at once by the instance that revoked it; unknown keys are not cached (a new key works at
 * once). {@code lastUsedAt} is written at most once per {@code last-used-interval} per key and instance, not per
 * request.
 */
public final class ApiClients {

    static final String CLIENTS = "api_clients";
    static final String KEYS = "api_keys";
    private static final int CACHED_KEYS = 10_000;

    private final MongoCollection<Document> clients;
    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final Cache<String, SignedInClient> found;
    private final Cache<String, Instant> lastUseWritten;

    ApiClients(MongoDatabase database, SignInProperties.ApiKeys settings, Ticker ticker, Clock clock) {
        this.clients = database.getCollection(CLIENTS);
        this.keys = database.getCollection(KEYS);
        this.clock = clock;
        this.found = Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl()).maximumSize(CACHED_KEYS)
                             .ticker(ticker).build();
        this.lastUseWritten = Caffeine.newBuilder().expireAfterWrite(settings.lastUsedInterval())
                                      .maximumSize(CACHED_KEYS).ticker(ticker).build();
        keys.createIndex(Indexes.ascending("clientId"));
    }

    /** An authenticated client: who it is and which of its keys it used. */
    public record SignedInClient(String clientId, ClientKind kind, String keyId) {
    }

    /** A client as admins see it: never a key's secret or hash. */
    @Schema(description = "An integrator client and its keys")
    public record ClientView(@Schema(example = "ticket-machine-1") String id,
                             @Schema(example = "TICKET_MACHINE") ClientKind kind,
                             @Schema(example = "Ticket machine at the entrance, Dalian hall 01") String name,
                             @Schema(example = "2026-11-28T01:00:00Z") Instant createdAt,
                             @Schema(description = "When it was disabled; absent while enabled",
                                     example = "2026-12-01T08:00:00Z") Instant disabledAt,
                             @Schema(description = "A development client of the embedded default", example = "false")
                             boolean development,
                             List<KeyView> keys) {
    }

    @Schema(description = "One of a client's API keys: its id and times, never the key or its hash")
    public record KeyView(@Schema(example = "key-3f9a1c527d4e") String id,
                          @Schema(example = "2026-11-28T01:00:00Z") Instant createdAt,
                          @Schema(description = "Last sign-in with it, to the minute or so; absent if never",
                                  example = "2026-11-28T09:31:00Z") Instant lastUsedAt,
                          @Schema(description = "When it was revoked; absent while it signs in",
                                  example = "2026-12-01T08:00:00Z") Instant revokedAt) {
    }

    /** A key just made: its secret is shown this once and kept nowhere. */
    @Schema(description = "A new API key: send the secret as X-Api-Key; it is shown only in this answer")
    public record NewKey(@Schema(example = "key-3f9a1c527d4e") String id,
                         @Schema(example = "shk_Xq3v9Zb1kT0mW7yR2pL5sN8dF4gH6jK0aC1eB3iU9oQ") String secret,
                         @Schema(example = "2026-11-28T01:00:00Z") Instant createdAt) {
    }

    // ---------------------------------------------------------------- signing in

    /** The client a key belongs to, if the key is known, not revoked, and its client not disabled. */
    Optional<SignedInClient> signIn(String key) {
        String hash = ApiKeySecrets.hash(key);
        SignedInClient client = found.getIfPresent(hash);
        if (client == null) {
            client = lookUp(hash);
            if (client == null) {
                return Optional.empty();
            }
            found.put(hash, client);
        }
        recordUse(hash);
        return Optional.of(client);
    }

    private SignedInClient lookUp(String hash) {
        Document key = keys.find(eq("_id", hash)).first();
        if (key == null || key.get("revokedAt") != null) {
            return null;
        }
        Document client = clients.find(eq("_id", key.getString("clientId"))).first();
        if (client == null || client.get("disabledAt") != null) {
            return null;
        }
        return new SignedInClient(client.getString("_id"), ClientKind.valueOf(client.getString("kind")),
                                  key.getString("keyId"));
    }

    private void recordUse(String hash) {
        Instant now = clock.instant();
        if (lastUseWritten.asMap().putIfAbsent(hash, now) == null) {
            keys.updateOne(eq("_id", hash), Updates.max("lastUsedAt", Date.from(now)));
        }
    }

    // ---------------------------------------------------------------- managing

    /** Creates a client with its first key. */
    public NewKey create(String clientId, ClientKind kind, String name) {
        try {
            clients.insertOne(client(clientId, kind, name, false));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new RuleViolation("client-exists", "A client with id '" + clientId + "' exists already; "
                        + "add a key to it, or choose another id");
            }
            throw e;
        }
        return addKey(clientId);
    }

    /** A further key for the client (to rotate: add one, switch the client over, revoke the old one). */
    public NewKey addKey(String clientId) {
        requireClient(clientId);
        String secret = ApiKeySecrets.generate();
        Document key = key(ApiKeySecrets.hash(secret), clientId, false);
        keys.insertOne(key);
        return new NewKey(key.getString("keyId"), secret, key.getDate("createdAt").toInstant());
    }

    /** Revokes one of the client's keys: refused at once here, within {@code cache-ttl} everywhere. */
    public ClientView revoke(String clientId, String keyId) {
        requireClient(clientId);
        Document key = keys.find(and(eq("clientId", clientId), eq("keyId", keyId))).first();
        if (key == null) {
            throw new NotFound("Key", keyId + " of client " + clientId);
        }
        keys.updateOne(and(eq("_id", key.getString("_id")), eq("revokedAt", null)),
                       Updates.set("revokedAt", Date.from(clock.instant())));
        found.invalidate(key.getString("_id"));
        return client(clientId);
    }

    /** Disables the client: none of its keys signs in any more (until enabled again). */
    public ClientView disable(String clientId) {
        setDisabled(clientId, Updates.set("disabledAt", Date.from(clock.instant())), eq("disabledAt", null));
        found.asMap().values().removeIf(client -> client.clientId().equals(clientId));
        return client(clientId);
    }

    public ClientView enable(String clientId) {
        setDisabled(clientId, Updates.unset("disabledAt"), new Document());
        return client(clientId);
    }

    private void setDisabled(String clientId, Bson update, Bson condition) {
        requireClient(clientId);
        clients.updateOne(and(eq("_id", clientId), condition), update);
    }

    public List<ClientView> list() {
        List<ClientView> all = new ArrayList<>();
        clients.find().forEach(client -> all.add(view(client)));
        all.sort(Comparator.comparing(ClientView::id));
        return all;
    }

    public ClientView client(String clientId) {
        return view(requireClient(clientId));
    }

    private Document requireClient(String clientId) {
        Document client = clients.find(eq("_id", clientId)).first();
        if (client == null) {
            throw new NotFound("Client", clientId);
        }
        return client;
    }

    private ClientView view(Document client) {
        List<KeyView> views = new ArrayList<>();
        keys.find(eq("clientId", client.getString("_id"))).forEach(key -> views.add(new KeyView(
                key.getString("keyId"), instant(key, "createdAt"), instant(key, "lastUsedAt"),
                instant(key, "revokedAt"))));
        views.sort(Comparator.comparing(KeyView::createdAt).thenComparing(KeyView::id));
        return new ClientView(client.getString("_id"), ClientKind.valueOf(client.getString("kind")),
                              client.getString("name"), instant(client, "createdAt"), instant(client, "disabledAt"),
                              client.getBoolean("development", false), views);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    // ---------------------------------------------------------------- provisioning

    /**
     * A client provisioned by configuration: created if absent, its kind and name set as configured, its keys added
     * if absent. A key revoked over the API stays revoked; a key left out of the configuration later is not revoked
     * by that (revoke it over the API).
     */
    void provision(String clientId, ClientKind kind, String name, List<String> keyHashes, boolean development) {
        clients.updateOne(eq("_id", clientId),
                          Updates.combine(Updates.set("kind", kind.name()), Updates.set("name", name),
                                          Updates.setOnInsert("createdAt", Date.from(clock.instant())),
                                          Updates.setOnInsert("development", development)),
                          new UpdateOptions().upsert(true));
        for (String hash : keyHashes) {
            try {
                keys.insertOne(key(hash, clientId, development));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /** The ids of development keys that still sign in, for refusing to start on a real database with any. */
    List<String> activeDevelopmentKeys() {
        List<String> active = new ArrayList<>();
        keys.find(and(eq("development", true), eq("revokedAt", null)))
            .forEach(key -> active.add(key.getString("keyId") + " of client " + key.getString("clientId")));
        return active;
    }

    private Document client(String clientId, ClientKind kind, String name, boolean development) {
        return new Document("_id", clientId).append("kind", kind.name()).append("name", name)
                                            .append("createdAt", Date.from(clock.instant()))
                                            .append("development", development);
    }

    private Document key(String hash, String clientId, boolean development) {
        return new Document("_id", hash).append("keyId", ApiKeySecrets.keyId(hash)).append("clientId", clientId)
                                        .append("createdAt", Date.from(clock.instant()))
                                        .append("development", development);
    }
}
