package org.servicehall.query.support;

import com.mongodb.client.MongoDatabase;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The query side's {@code MongoTemplate}: Spring Boot's, except that a view's collections are those of the generation
 * in effect ({@link ViewGenerations#resolve}). Projections and reads go on naming their collections as always, by
 * entity class ({@code @Document}) or by name.
 * <p>
 * Every operation of {@code MongoTemplate} reaches the database through {@link #doGetDatabase()} and asks it for the
 * collection by name (finds, writes, upserts, counts, aggregations, index operations, drops, {@code getCollection},
 * {@code getDb}), so resolving the name there covers them all; {@code collectionExists} compares names from the
 * database's list and resolves its argument instead. Not covered: collections named inside aggregation stages
 * ({@code $lookup}, {@code $out}, {@code $merge}) and session-bound templates ({@code withSession}); views use neither.
 */
public class ViewMongoTemplate extends MongoTemplate {

    private final ViewGenerations generations;

    public ViewMongoTemplate(MongoDatabaseFactory mongo, MongoConverter converter, ViewGenerations generations) {
        super(mongo, converter);
        this.generations = generations;
    }

    @Override
    protected MongoDatabase doGetDatabase() {
        return generations.resolving(super.doGetDatabase());
    }

    @Override
    public boolean collectionExists(String collectionName) {
        return super.collectionExists(generations.resolve(collectionName));
    }

    /**
     * Drops a collection if it exists. Dropping one that does not is harmless on MongoDB, but the embedded server logs
     * it as an error, and a rebuild's reset handlers drop the collections of a generation that has none yet.
     */
    @Override
    public void dropCollection(String collectionName) {
        if (collectionExists(collectionName)) {
            super.dropCollection(collectionName);
        }
    }
}
