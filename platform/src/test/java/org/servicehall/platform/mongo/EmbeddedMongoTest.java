package org.servicehall.platform.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicehall.platform.personaldata.MasterKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server is for this process only: a client without its credentials (another user of the machine, who
 * can reach 127.0.0.1 too) is refused every command, and its files are readable by their owner only.
 */
class EmbeddedMongoTest {

    @TempDir
    Path temporary;

    @Test
    void aClientWithTheCredentialsReadsAndWrites() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(temporary.resolve("data"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString("hall"))) {
            MongoDatabase database = client.getDatabase("hall");
            database.getCollection("customer_keys").insertOne(new Document("_id", "c-1").append("key", "secret"));

            assertThat(database.getCollection("customer_keys").find().first()).containsEntry("key", "secret");
        }
    }

    @Test
    void aClientWithoutCredentialsIsRefusedEveryCommand() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(temporary.resolve("data"), 0);
             MongoClient owner = MongoClients.create(mongo.connectionString("hall"));
             MongoClient stranger = MongoClients.create("mongodb://" + mongo.address() + "/hall")) {
            owner.getDatabase("hall").getCollection("customer_keys").insertOne(new Document("_id", "c-1"));
            MongoDatabase database = stranger.getDatabase("hall");

            assertThatThrownBy(() -> database.getCollection("customer_keys").find().first())
                    .isInstanceOfSatisfying(MongoCommandException.class,
                                            refused -> assertThat(refused.getErrorCode()).isEqualTo(13));
            assertThatThrownBy(() -> database.getCollection("customer_keys").insertOne(new Document("_id", "c-2")))
                    .hasMessageContaining("requires authentication");
            assertThatThrownBy(() -> database.getCollection("customer_keys").drop())
                    .hasMessageContaining("requires authentication");
            assertThatThrownBy(() -> stranger.listDatabaseNames().into(new ArrayList<>()))
                    .hasMessageContaining("requires authentication");
            assertThatThrownBy(() -> database.runCommand(new Document("dropDatabase", 1)))
                    .hasMessageContaining("requires authentication");
            assertThat(owner.getDatabase("hall").getCollection("customer_keys").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(temporary.resolve("data"), 0)) {
            String guessed = mongo.connectionString("hall").replaceFirst("hall:[^@]+@", "hall:guessed@");
            try (MongoClient client = MongoClients.create(guessed)) {
                assertThatThrownBy(() -> client.getDatabase("hall").getCollection("customer_keys").find().first())
                        .isInstanceOfAny(MongoSecurityException.class, MongoTimeoutException.class)
                        .hasStackTraceContaining("Authentication failed");
            }
        }
    }

    @Test
    void eachStartHasAPasswordOfItsOwn() {
        Path data = temporary.resolve("data");
        String first;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(data, 0)) {
            first = mongo.connectionString("hall");
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(data, 0)) {
            assertThat(password(mongo.connectionString("hall"))).isNotEqualTo(password(first));
        }
    }

    @Test
    void theDataDirectoryAndItsFilesAreTheOwnersOnly() throws Exception {
        Path data = temporary.resolve("data");
        Files.createDirectories(data);
        // a directory and a file from before, as the system used to leave them
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(data.resolve("old.trace.db"), "");
        Files.setPosixFilePermissions(data.resolve("old.trace.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (EmbeddedMongo mongo = EmbeddedMongo.start(data, 0);
             MongoClient client = MongoClients.create(mongo.connectionString("hall"))) {
            client.getDatabase("hall").getCollection("events").insertOne(new Document("_id", "e-1"));
            MasterKey.loadOrCreate(data);

            assertThat(permissions(data)).isEqualTo("rwx------");
            List<String> files = new ArrayList<>();
            try (var listing = Files.list(data)) {
                listing.forEach(file -> files.add(file.getFileName() + " " + permissions(file)));
            }
            assertThat(files).containsExactlyInAnyOrder("hall.mv.db rw-------", "old.trace.db rw-------",
                                                        MasterKey.FILE_NAME + " rw-------");
        }
    }

    @Test
    void aNewDataDirectoryIsTheOwnersOnlyFromTheStart() throws Exception {
        Path data = temporary.resolve("new").resolve("data");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(data, 0)) {
            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(mongo.file())).isEqualTo("rw-------");
        }
    }

    private static String password(String connectionString) {
        return connectionString.substring(connectionString.indexOf("hall:") + 5, connectionString.indexOf('@'));
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
