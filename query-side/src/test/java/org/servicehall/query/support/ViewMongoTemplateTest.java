package org.servicehall.query.support;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The query side's template sends every operation views use to the collections of the generation in effect: the
 * active one (read at most every time to live), or the one a rebuild on this thread builds; other names pass.
 */
class ViewMongoTemplateTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final String VIEW = "things";
    private static final String OTHER_VIEW = "others";

    /** An entity of the view, stored in its collection {@code things}. */
    @org.springframework.data.mongodb.core.mapping.Document(Thing.COLLECTION)
    record Thing(@Id String id, String name, int count, List<String> eventIds) {
        static final String COLLECTION = "things";
    }

    /** A document the view keeps in a collection named when it is used. */
    record Tally(@Id String id, long total) {
    }

    private final TestMongo testMongo = TestMongo.start();
    private final MongoDatabase database = testMongo.database();
    private final MongoDatabaseFactory factory = testMongo.mongoTemplate().getMongoDatabaseFactory();
    private final AtomicLong nanoTime = new AtomicLong();
    private final ViewGenerations generations = new ViewGenerations(
            List.of(new ViewDefinition(VIEW, Thing.COLLECTION, "thing_tallies"),
                    new ViewDefinition(OTHER_VIEW, "other_things")),
            factory, TTL, nanoTime::get);
    private final ViewMongoTemplate mongo = template();

    @AfterEach
    void close() {
        testMongo.close();
    }

    private ViewMongoTemplate template() {
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mapping);
        converter.afterPropertiesSet();
        return new ViewMongoTemplate(factory, converter, generations);
    }

    @Test
    void everyOperationViewsUseGoesToTheActiveGeneration() {
        activate(VIEW, 1);
        Thing first = new Thing("t-1", "first", 1, List.of());

        // by entity class
        mongo.insert(first);
        mongo.save(new Thing("t-2", "second", 2, List.of()));
        assertThat(stored("things__g1")).containsExactlyInAnyOrder("t-1", "t-2");
        assertThat(mongo.findById("t-1", Thing.class)).isEqualTo(first);
        assertThat(mongo.findOne(query(where("name").is("second")), Thing.class).id()).isEqualTo("t-2");
        assertThat(mongo.find(query(where("count").gte(1)), Thing.class)).hasSize(2);
        assertThat(mongo.exists(query(where("_id").is("t-2")), Thing.class)).isTrue();
        assertThat(mongo.count(query(where("count").is(2)), Thing.class)).isEqualTo(1);
        mongo.updateFirst(query(where("_id").is("t-1")), new Update().inc("count", 10), Thing.class);
        mongo.updateMulti(query(where("count").gte(0)), new Update().set("name", "renamed"), Thing.class);
        mongo.upsert(query(where("_id").is("t-3")), new Update().set("count", 3), Thing.class);
        mongo.replace(query(where("_id").is("t-2")), new Thing("t-2", "replaced", 20, List.of()));
        assertThat(database.getCollection("things__g1").find(new Document("_id", "t-1")).first())
                .containsEntry("count", 11).containsEntry("name", "renamed");
        assertThat(stored("things__g1")).containsExactlyInAnyOrder("t-1", "t-2", "t-3");
        assertThat(mongo.aggregate(newAggregation(Thing.class, match(where("count").gte(11))), Thing.class,
                                   Thing.class).getMappedResults()).extracting(Thing::id)
                                                                   .containsExactlyInAnyOrder("t-1", "t-2");
        mongo.remove(query(where("_id").is("t-3")), Thing.class);
        assertThat(stored("things__g1")).containsExactlyInAnyOrder("t-1", "t-2");
        mongo.indexOps(Thing.class).createIndex(new Index("name", Sort.Direction.ASC).unique());
        assertThat(indexNames("things__g1")).contains("name_1");
        assertThat(mongo.collectionExists(Thing.class)).isTrue();

        // the support for idempotent writes
        assertThat(ViewUpdates.applyOnce(mongo, Thing.class, "t-4", "eventIds", "e-1",
                                         new Update().push("eventIds", "e-1").set("count", 4),
                                         () -> new Thing("t-4", "fourth", 0, List.of()))).isTrue();
        assertThat(ViewUpdates.applyOnce(mongo, Thing.class, "t-4", "eventIds", "e-1",
                                         new Update().push("eventIds", "e-1"),
                                         () -> new Thing("t-4", "fourth", 0, List.of()))).isFalse();
        ViewUpdates.upsert(mongo, Thing.class, "t-5", new Update().set("count", 5));
        assertThat(stored("things__g1")).containsExactlyInAnyOrder("t-1", "t-2", "t-4", "t-5");

        // by collection name
        mongo.save(new Tally("day-1", 7), "thing_tallies");
        mongo.insert(new Tally("day-2", 8), "thing_tallies");
        assertThat(mongo.findById("day-1", Tally.class, "thing_tallies")).isEqualTo(new Tally("day-1", 7));
        assertThat(mongo.find(query(where("_id").in("day-1", "day-2")), Tally.class, "thing_tallies")).hasSize(2);
        mongo.updateFirst(query(where("_id").is("day-1")), new Update().inc("total", 1), Tally.class,
                          "thing_tallies");
        mongo.upsert(query(where("_id").is("day-3")), new Update().set("total", 9), Tally.class, "thing_tallies");
        mongo.remove(query(where("_id").is("day-2")), "thing_tallies");
        mongo.getCollection("thing_tallies").insertOne(new Document("_id", "day-4").append("total", 10));
        mongo.getDb().getCollection("thing_tallies").insertOne(new Document("_id", "day-5").append("total", 11));
        mongo.indexOps("thing_tallies").createIndex(new Index("total", Sort.Direction.ASC).unique());
        assertThat(stored("thing_tallies__g1")).containsExactlyInAnyOrder("day-1", "day-3", "day-4", "day-5");
        assertThat(mongo.findById("day-1", Tally.class, "thing_tallies")).isEqualTo(new Tally("day-1", 8));
        assertThat(indexNames("thing_tallies__g1")).contains("total_1");
        assertThat(mongo.collectionExists("thing_tallies")).isTrue();

        // nothing reached generation 0
        assertThat(collections()).doesNotContain("things", "thing_tallies");

        mongo.dropCollection(Thing.class);
        mongo.dropCollection("thing_tallies");
        assertThat(collections()).doesNotContain("things__g1", "thing_tallies__g1");
        assertThat(mongo.collectionExists(Thing.class)).isFalse();
        mongo.createCollection("thing_tallies");
        assertThat(collections()).contains("thing_tallies__g1").doesNotContain("thing_tallies");
    }

    @Test
    void generationZeroHasThePlainNamesAndOtherNamesPassUnchanged() {
        mongo.insert(new Thing("t-1", "first", 1, List.of()));
        mongo.save(new Tally("x", 1), "access_log");
        mongo.save(new Tally("y", 1), "other_things");
        assertThat(collections()).contains("things", "access_log", "other_things");
        assertThat(generations.resolve("access_log")).isEqualTo("access_log");
        assertThat(generations.resolve("things__g2")).isEqualTo("things__g2");
        assertThat(ViewGenerations.name("things", 0)).isEqualTo("things");
        assertThat(ViewGenerations.name("things", 3)).isEqualTo("things__g3");
    }

    @Test
    void anInstanceMovesToANewActiveGenerationWithinTheTimeToLive() {
        mongo.insert(new Thing("old", "in generation 0", 0, List.of()));
        activate(VIEW, 1);
        // read just before the change: this instance goes on with generation 0 until its cache expires
        assertThat(mongo.findById("old", Thing.class)).isNotNull();
        nanoTime.addAndGet(TTL.toNanos() - 1);
        assertThat(generations.resolve(Thing.COLLECTION)).isEqualTo("things");
        nanoTime.addAndGet(1);
        assertThat(generations.resolve(Thing.COLLECTION)).isEqualTo("things__g1");
        assertThat(mongo.findById("old", Thing.class)).isNull();
    }

    @Test
    void aRebuildThreadUsesItsGenerationOfItsViewAndNothingElse() throws Exception {
        generations.building(VIEW, 2, () -> {
            mongo.insert(new Thing("rebuilt", "in generation 2", 0, List.of()));
            mongo.save(new Tally("day", 1), "thing_tallies");
            assertThat(mongo.collectionExists(Thing.class)).isTrue();
            // MongoTemplate counts for exists() by the name of the collection it already has
            assertThat(mongo.exists(query(where("_id").is("rebuilt")), Thing.class)).isTrue();
            assertThat(ViewUpdates.applyOnce(mongo, Thing.class, "new", "eventIds", "e-1",
                                             new Update().push("eventIds", "e-1"),
                                             () -> new Thing("new", "new", 0, List.of()))).isTrue();
            // meanwhile every other thread uses the active generation
            assertThat(CompletableFuture.supplyAsync(() -> mongo.collectionExists(Thing.class)).join()).isFalse();
            assertThatThrownBy(() -> mongo.save(new Tally("a", 1), "access_log"))
                    .hasMessageContaining("access_log, which no view declares");
            assertThatThrownBy(() -> mongo.findById("x", Tally.class, "other_things"))
                    .hasMessageContaining("other_things of view others");
            return null;
        });
        assertThat(stored("things__g2")).containsExactlyInAnyOrder("rebuilt", "new");
        assertThat(stored("thing_tallies__g2")).containsExactly("day");
        assertThat(collections()).doesNotContain("things", "thing_tallies");
        mongo.save(new Tally("a", 1), "access_log");
        assertThat(collections()).contains("access_log");
    }

    @Test
    void oneRebuildHoldsAViewAndOnlyItMakesItsGenerationActive() {
        Instant now = Instant.parse("2026-11-28T01:00:00Z");
        assertThat(generations.lock(VIEW, "rebuild-1", now)).isTrue();
        assertThat(generations.lock(VIEW, "rebuild-2", now)).isFalse();
        assertThat(generations.lock(OTHER_VIEW, "rebuild-3", now)).isTrue();
        assertThat(generations.locks()).containsExactlyInAnyOrder(new ViewGenerations.Lock(VIEW, "rebuild-1", now),
                                                                  new ViewGenerations.Lock(OTHER_VIEW, "rebuild-3",
                                                                                           now));
        assertThat(generations.activate(VIEW, "rebuild-2", 1, GapAwareTrackingToken.newInstance(5, List.of())))
                .isFalse();
        assertThat(generations.catchingUpTo(VIEW)).isEmpty();
        assertThat(generations.activate(VIEW, "rebuild-1", 1, GapAwareTrackingToken.newInstance(5, List.of())))
                .isTrue();
        assertThat(generations.storedActive(VIEW)).isEqualTo(1);
        assertThat(generations.resolve(Thing.COLLECTION)).isEqualTo("things__g1");
        assertThat(generations.catchingUpTo(VIEW)).contains(GapAwareTrackingToken.newInstance(5, List.of()));
        generations.catchingUp(VIEW, "rebuild-1", GapAwareTrackingToken.newInstance(9, List.of(7L)));
        assertThat(generations.catchingUpTo(VIEW)).contains(GapAwareTrackingToken.newInstance(9, List.of(7L)));
        generations.unlock(VIEW, "rebuild-2");
        assertThat(generations.lock(VIEW, "rebuild-4", now)).isFalse();
        generations.unlock(VIEW, "rebuild-1");
        assertThat(generations.catchingUpTo(VIEW)).isEmpty();
        assertThat(generations.lock(VIEW, "rebuild-4", now)).isTrue();
        assertThat(generations.storedActive(VIEW)).isEqualTo(1);
    }

    @Test
    void droppingGenerationsKeepsThoseAskedForAndTouchesNoOtherCollection() {
        for (String name : List.of("things", "things__g1", "things__g2", "thing_tallies__g2", "other_things",
                                   "things_archive")) {
            database.getCollection(name).insertOne(new Document("_id", "x"));
        }
        generations.dropGenerationsExcept(VIEW, Set.of(2, 1));
        assertThat(collections()).contains("things__g1", "things__g2", "thing_tallies__g2", "other_things",
                                           "things_archive")
                                 .doesNotContain("things");
    }

    private void activate(String view, int generation) {
        database.getCollection(ViewGenerations.COLLECTION)
                .replaceOne(new Document("_id", view), new Document("_id", view).append("active", generation),
                            new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    private List<String> stored(String collection) {
        List<String> ids = new ArrayList<>();
        database.getCollection(collection).find().forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private List<String> collections() {
        return database.listCollectionNames().into(new ArrayList<>());
    }

    private List<String> indexNames(String collection) {
        List<String> names = new ArrayList<>();
        database.getCollection(collection).listIndexes().forEach(index -> names.add(index.getString("name")));
        return names;
    }
}
