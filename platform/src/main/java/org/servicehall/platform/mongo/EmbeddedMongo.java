package org.servicehall.platform.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The in-process MongoDB-wire-compatible server used when no {@code MONGODB_URI} is given: mongo-java-server with
 * its H2 (MVStore) backend, kept in one file under the data directory, so a restart loses nothing.
 * <p>
 * The MVStore only writes its changes to the file once a second on its own; we commit after every write command so
 * that an acknowledged append survives a crash of the process, as it would on a real MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify");

    private final MongoServer server;
    private final Path file;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, Path file, InetSocketAddress address) {
        this.server = server;
        this.file = file;
        this.address = address;
    }

    /** Opens (or creates) {@code hall.mv.db} under {@code dataDirectory} and listens on 127.0.0.1:{@code port}. */
    public static EmbeddedMongo start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDirectory.toAbsolutePath(), e);
        }
        Path file = dataDirectory.resolve("hall.mv.db").toAbsolutePath();
        MongoServer server = new MongoServer(new CommittingH2Backend(file.toString()));
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(server, file, server.getLocalAddress());
    }

    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static final class CommittingH2Backend extends H2Backend {

        CommittingH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            Document response = super.handleCommand(channel, databaseName, command, query);
            if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
                commit();
            }
            return response;
        }
    }
}
