package org.servicehall.query.support;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

/**
 * Generations of views: which copy of a view's collections is read and written.
 * <p>
 * Generation 0 of a view uses its collections' plain names ({@code visit_timelines}); generation n &ge; 1 the names
 * with a suffix ({@code visit_timelines__g1}). The active generation of each view is kept in MongoDB
 * ({@value #COLLECTION}: {@code {_id: <processing group>, active: n}}), so every query-side instance reads and writes
 * the same one. A rebuild builds generation n+1 beside the active one, then makes it active: readers see the old view
 * until then and the complete new one after, never an empty or half-built one.
 * <p>
 * {@link ViewMongoTemplate} resolves every collection name through {@link #resolve}: a view's collection goes to the
 * generation in effect for the current thread, which is the generation a rebuild on this thread is building
 * ({@link #building}), else the active one. The active generations are read at most every {@code cacheTtl}: an
 * instance may go on using a generation for that long after another one was made active, which is what a rebuild's
 * grace period covers (see {@code org.servicehall.query.rebuild}). Names of no view pass unchanged.
 */
public final class ViewGenerations {

    public static final String COLLECTION = "view_generations";
    static final String GENERATION_SEPARATOR = "__g";

    private static final String ACTIVE = "active";
    private static final String REBUILDING = "rebuilding";
    private static final String REBUILDING_SINCE = "rebuildingSince";
    private static final String CATCHING_UP_TO = "catchingUpTo";

    private final Map<String, ViewDefinition> views = new TreeMap<>();
    private final Map<String, String> viewOfCollection = new HashMap<>();
    private final MongoDatabaseFactory mongo;
    private final long cacheTtlNanos;
    private final LongSupplier nanoTime;
    private final ThreadLocal<Pin> pinned = new ThreadLocal<>();
    private volatile Snapshot snapshot;

    /** A rebuild on this thread building {@code generation} of the view {@code group}. */
    private record Pin(String group, int generation) {
    }

    /** The active generations as read at {@code readAt} (nanoTime, taken before the read). */
    private record Snapshot(Map<String, Integer> active, long readAt) {
    }

    /** A view being rebuilt, as its generation document says. */
    public record Lock(String view, String rebuildId, Instant since) {
    }

    public ViewGenerations(Collection<ViewDefinition> definitions, MongoDatabaseFactory mongo, Duration cacheTtl,
                           LongSupplier nanoTime) {
        for (ViewDefinition view : definitions) {
            if (views.putIfAbsent(view.processingGroup(), view) != null) {
                throw new IllegalStateException("View " + view.processingGroup() + " is defined twice");
            }
            for (String collection : view.collections()) {
                String other = viewOfCollection.putIfAbsent(collection, view.processingGroup());
                if (other != null) {
                    throw new IllegalStateException("Collection " + collection + " is declared by views " + other
                            + " and " + view.processingGroup() + ": a collection belongs to one view");
                }
            }
        }
        this.mongo = mongo;
        this.cacheTtlNanos = cacheTtl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The views, by processing group, in alphabetical order. */
    public Map<String, ViewDefinition> views() {
        return Map.copyOf(views);
    }

    public Optional<ViewDefinition> view(String group) {
        return Optional.ofNullable(views.get(group));
    }

    /** The physical name of a view's collection in one generation. */
    public static String name(String collection, int generation) {
        return generation == 0 ? collection : collection + GENERATION_SEPARATOR + generation;
    }

    // ---------------------------------------------------------------------------------------- resolving names

    /**
     * The collection to use for {@code collection} on this thread now (see the class comment). A name that already
     * names a generation passes unchanged: {@code MongoTemplate} asks again by the name of the collection it got (to
     * count for {@code exists}, say).
     */
    public String resolve(String collection) {
        String generationOf = generationOf(collection);
        String group = viewOfCollection.get(generationOf != null ? generationOf : collection);
        Pin pin = pinned.get();
        if (pin != null && !pin.group().equals(group)) {
            throw new IllegalStateException(group == null
                    ? "Rebuilding view " + pin.group() + ", its projection used collection " + collection
                    + ", which no view declares: add it to the view's ViewDefinition"
                    : "Rebuilding view " + pin.group() + ", its projection used collection " + collection
                    + " of view " + group + ": a view is built from events, not from another view");
        }
        if (group == null || generationOf != null) {
            return collection;
        }
        return name(collection, pin != null ? pin.generation() : active(group));
    }

    /** The collection {@code name} is a generation (1 or later) of, if it is one. */
    private static String generationOf(String name) {
        int separator = name.lastIndexOf(GENERATION_SEPARATOR);
        if (separator <= 0) {
            return null;
        }
        String generation = name.substring(separator + GENERATION_SEPARATOR.length());
        return !generation.isEmpty() && generation.chars().allMatch(Character::isDigit)
                ? name.substring(0, separator) : null;
    }

    /**
     * Runs {@code work} on this thread with the view's collections in {@code generation}. Any other collection is
     * refused meanwhile (see {@link ViewDefinition}).
     */
    public <T> T building(String group, int generation, Supplier<T> work) {
        if (!views.containsKey(group)) {
            throw new IllegalArgumentException("No view " + group);
        }
        Pin outer = pinned.get();
        pinned.set(new Pin(group, generation));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                pinned.remove();
            } else {
                pinned.set(outer);
            }
        }
    }

    /** The view's active generation, as this instance last read it (at most the cache's time to live ago). */
    public int active(String group) {
        Snapshot current = snapshot;
        if (current == null || nanoTime.getAsLong() - current.readAt() >= cacheTtlNanos) {
            current = refresh();
        }
        return current.active().getOrDefault(group, 0);
    }

    private synchronized Snapshot refresh() {
        Snapshot current = snapshot;
        long now = nanoTime.getAsLong();
        if (current != null && now - current.readAt() < cacheTtlNanos) {
            return current;
        }
        Map<String, Integer> active = new HashMap<>();
        for (Document view : generations().find()) {
            active.put(view.getString("_id"), generation(view));
        }
        snapshot = new Snapshot(Map.copyOf(active), now);
        return snapshot;
    }

    /**
     * A view of {@code database} whose collections, by whatever name they are asked for, are the ones
     * {@link #resolve} names. {@code MongoDatabase} has some sixty methods; only those that name a collection change,
     * and a dynamic proxy keeps them apart from the delegation of all the others.
     */
    MongoDatabase resolving(MongoDatabase database) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                                                      new Class<?>[]{MongoDatabase.class},
                                                      (proxy, method, arguments) -> invoke(database, method,
                                                                                           arguments));
    }

    private Object invoke(MongoDatabase database, Method method, Object[] arguments) throws Throwable {
        Object[] resolved = arguments;
        if (method.getName().equals("getCollection") || method.getName().equals("createCollection")) {
            resolved = arguments.clone();
            for (int i = 0; i < resolved.length; i++) {
                if (resolved[i] instanceof String name) {
                    resolved[i] = resolve(name);
                    break;
                }
            }
        }
        Object result;
        try {
            result = method.invoke(database, resolved);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return result instanceof MongoDatabase changed && method.getName().startsWith("with")
                ? resolving(changed) : result;
    }

    // ------------------------------------------------------------------------------ rebuilds and their swap

    /**
     * Marks the view as being rebuilt by {@code rebuildId}, unless another rebuild holds it.
     *
     * @return whether it was free
     */
    public boolean lock(String group, String rebuildId, Instant now) {
        try {
            generations().updateOne(and(eq("_id", group), eq(REBUILDING, null)),
                                    Updates.combine(Updates.set(REBUILDING, rebuildId),
                                                    Updates.set(REBUILDING_SINCE, Date.from(now)),
                                                    Updates.setOnInsert(ACTIVE, 0)),
                                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            // the view's document exists and is held: the upsert tried to insert a second one
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        }
    }

    /** Frees the view if {@code rebuildId} holds it. */
    public void unlock(String group, String rebuildId) {
        generations().updateOne(and(eq("_id", group), eq(REBUILDING, rebuildId)),
                                Updates.combine(Updates.unset(REBUILDING), Updates.unset(REBUILDING_SINCE),
                                                Updates.unset(CATCHING_UP_TO)));
    }

    /** The views being rebuilt now. */
    public List<Lock> locks() {
        List<Lock> locks = new ArrayList<>();
        for (Document view : generations().find(exists(REBUILDING))) {
            Date since = view.getDate(REBUILDING_SINCE);
            locks.add(new Lock(view.getString("_id"), view.getString(REBUILDING),
                               since == null ? Instant.EPOCH : since.toInstant()));
        }
        return locks;
    }

    /** The view's active generation as stored now, bypassing this instance's cache. */
    public int storedActive(String group) {
        Document view = generations().find(eq("_id", group)).first();
        return view == null ? 0 : generation(view);
    }

    /**
     * Makes {@code generation} the view's active one, if {@code rebuildId} still holds the view. This instance uses it
     * at once; others within the cache's time to live. Until the rebuild lets go of the view, it catches up: see
     * {@link #catchingUp}.
     *
     * @param token how far the rebuild has applied events
     * @return whether it did
     */
    public boolean activate(String group, String rebuildId, int generation, GapAwareTrackingToken token) {
        boolean activated = generations().updateOne(and(eq("_id", group), eq(REBUILDING, rebuildId)),
                                                    Updates.combine(Updates.set(ACTIVE, generation),
                                                                    Updates.set(CATCHING_UP_TO, document(token))))
                                         .getMatchedCount() == 1;
        if (activated) {
            synchronized (this) {
                snapshot = null;
            }
        }
        return activated;
    }

    /**
     * Notes how far a rebuild that has made its generation active has applied events to both generations, the old
     * and the new: for as long as instances may use either, a change is in the view once the live processors and
     * the rebuild have both passed it (see {@code ViewPositions}).
     */
    public void catchingUp(String group, String rebuildId, GapAwareTrackingToken token) {
        generations().updateOne(and(eq("_id", group), eq(REBUILDING, rebuildId)),
                                Updates.set(CATCHING_UP_TO, document(token)));
    }

    /** How far the rebuild catching up after its swap has applied events, while one does. */
    public Optional<GapAwareTrackingToken> catchingUpTo(String group) {
        Document view = generations().find(eq("_id", group)).first();
        Document token = view == null ? null : view.get(CATCHING_UP_TO, Document.class);
        return token == null ? Optional.empty()
                : Optional.of(GapAwareTrackingToken.newInstance(token.get("index", Number.class).longValue(),
                                                                 token.getList("gaps", Number.class).stream()
                                                                      .map(Number::longValue).toList()));
    }

    private static Document document(GapAwareTrackingToken token) {
        return token == null ? new Document("index", 0L).append("gaps", List.of())
                : new Document("index", token.getIndex()).append("gaps", new ArrayList<>(token.getGaps()));
    }

    /** Drops every generation of the view's collections but those kept (all its collections, by their names). */
    public void dropGenerationsExcept(String group, Set<Integer> kept) {
        ViewDefinition view = views.get(group);
        Pattern generationName = Pattern.compile("(.+?)(?:" + GENERATION_SEPARATOR + "(\\d+))?");
        MongoDatabase database = mongo.getMongoDatabase();
        for (String name : database.listCollectionNames()) {
            Matcher matcher = generationName.matcher(name);
            if (matcher.matches() && view.collections().contains(matcher.group(1))) {
                int generation = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
                if (!kept.contains(generation)) {
                    database.getCollection(name).drop();
                }
            }
        }
    }

    private MongoCollection<Document> generations() {
        return mongo.getMongoDatabase().getCollection(COLLECTION);
    }

    private static int generation(Document view) {
        return view.get(ACTIVE) instanceof Number active ? active.intValue() : 0;
    }
}
