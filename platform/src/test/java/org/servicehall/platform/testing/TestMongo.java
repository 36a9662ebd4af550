package org.servicehall.platform.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import org.servicehall.platform.mongo.EmbeddedMongo;
import org.servicehall.platform.mongo.MongoConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A fresh database for one test: on the server {@code MONGODB_URI} names when it is set, otherwise on an embedded
 * server with its file in a new temporary directory. Closing drops the database (or the embedded server).
 */
public final class TestMongo implements AutoCloseable {

    private final EmbeddedMongo embedded;
    private final String connectionString;
    private final String databaseName;
    private final MongoClient client;

    private TestMongo(EmbeddedMongo embedded, String connectionString, String databaseName,
                      CommandListener... listeners) {
        this.embedded = embedded;
        this.connectionString = connectionString;
        this.databaseName = databaseName;
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                                                                  .applyConnectionString(
                                                                          new ConnectionString(connectionString));
        for (CommandListener listener : listeners) {
            settings.addCommandListener(listener);
        }
        this.client = MongoClients.create(settings.build());
    }

    public static TestMongo start(CommandListener... listeners) {
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String external = System.getenv("MONGODB_URI");
        if (external != null && !external.isBlank()) {
            return new TestMongo(null, MongoConfiguration.withDatabase(external, database), database, listeners);
        }
        EmbeddedMongo embedded = EmbeddedMongo.start(temporaryDirectory(), 0);
        return new TestMongo(embedded, embedded.connectionString(database), database, listeners);
    }

    /** Whether tests run against a real MongoDB ({@code MONGODB_URI} set) rather than the embedded server. */
    public static boolean external() {
        String external = System.getenv("MONGODB_URI");
        return external != null && !external.isBlank();
    }

    public static Path temporaryDirectory() {
        try {
            Path directory = Path.of("target", "test-data");
            Files.createDirectories(directory);
            return Files.createTempDirectory(directory, "mongo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connection string of this test's database, to hand to an application as {@code hall.mongodb.uri}. */
    public String connectionString() {
        return connectionString;
    }

    public MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    public MongoTemplate mongoTemplate() {
        return new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, databaseName));
    }

    @Override
    public void close() {
        if (embedded == null) {
            database().drop();
        }
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
