package org.servicehall.platform.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.servicehall.platform.DataDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The in-process MongoDB-wire-compatible server used when no {@code MONGODB_URI} is given: mongo-java-server with
 * its H2 (MVStore) backend, kept in one file under the data directory, so a restart loses nothing.
 * <p>
 * The MVStore only writes its changes to the file once a second on its own; we commit after every write command so
 * that an acknowledged append survives a crash of the process, as it would on a real MongoDB.
 * <p>
 * It listens on 127.0.0.1, which every user of the machine can reach, and mongo-java-server checks no credentials: so
 * it asks for them itself. Each start makes a random password, known only to this process (it is in the connection
 * string the sides get in-process, never written anywhere or logged), and a connection must authenticate with
 * SCRAM-SHA-256 before any command but the handshake is answered. Why not the other ways to keep other users out: a
 * Unix domain socket is not possible (mongo-java-server binds Netty's NIO TCP channel, and the MongoDB Java driver
 * reaches such sockets only through an extra native library), and asking the kernel for a loopback peer's uid is
 * Linux-only and racy. The file itself cannot be read by other users either ({@link DataDirectory}).
 */
public final class EmbeddedMongo implements AutoCloseable {

    static final String USER = "hall";
    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify");
    /**
     * What a client may send before it has authenticated: the handshake (and monitoring, which never authenticates).
     * The driver asks {@code getlasterror} for its connection id when the handshake's answer has none, as here.
     */
    private static final Set<String> OPEN_COMMANDS = Set.of("ismaster", "hello", "getlasterror");
    private static final String FILE_NAME = "hall.mv.db";

    private final MongoServer server;
    private final Path file;
    private final InetSocketAddress address;
    private final String password;

    private EmbeddedMongo(MongoServer server, Path file, InetSocketAddress address, String password) {
        this.server = server;
        this.file = file;
        this.address = address;
        this.password = password;
    }

    /** Opens (or creates) {@code hall.mv.db} under {@code dataDirectory} and listens on 127.0.0.1:{@code port}. */
    public static EmbeddedMongo start(Path dataDirectory, int port) {
        Path file = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
        try {
            DataDirectory.prepare(dataDirectory);
            createOwnerOnly(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory " + dataDirectory.toAbsolutePath(), e);
        }
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(ScramSha256.randomBytes(32));
        MongoServer server = new MongoServer(new GuardedH2Backend(file.toString(), new ScramSha256(USER, password)));
        server.bind("127.0.0.1", port);
        try {
            DataDirectory.restrictFiles(dataDirectory);
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("Cannot make the files in " + dataDirectory.toAbsolutePath()
                                           + " the owner's only", e);
        }
        return new EmbeddedMongo(server, file, server.getLocalAddress(), password);
    }

    /** The connection string, credentials included: for this process only, never to be logged or written. */
    public String connectionString(String database) {
        return "mongodb://" + USER + ":" + password + "@" + address() + "/" + database + "?authSource=admin"
               + "&authMechanism=" + ScramSha256.MECHANISM;
    }

    /** Where it listens, {@code 127.0.0.1:<port>}: what may be shown. */
    public String address() {
        return address.getHostString() + ":" + address.getPort();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    /** The database file is made before the backend opens it, so it never exists readable by others. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, DataDirectory.newFileAttributes(file.getParent()));
        } catch (FileAlreadyExistsException existing) {
            // made by an earlier start: DataDirectory.restrictFiles corrects its permissions
        }
    }

    /**
     * H2 backend that commits after each write, and answers a connection only once it has authenticated. Netty hands
     * each connection's messages to one thread at a time, so the state kept on the channel needs no locking.
     */
    private static final class GuardedH2Backend extends H2Backend {

        private static final AttributeKey<Boolean> AUTHENTICATED = AttributeKey.valueOf("hall.authenticated");
        private static final AttributeKey<ScramSha256.Conversation> CONVERSATION =
                AttributeKey.valueOf("hall.scram");
        private static final int CONVERSATION_ID = 1;

        private final ScramSha256 scram;

        GuardedH2Backend(String fileName, ScramSha256 scram) {
            super(fileName);
            this.scram = scram;
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            String name = command.toLowerCase(Locale.ROOT);
            switch (name) {
                case "saslstart":
                    return saslStart(channel, query);
                case "saslcontinue":
                    return saslContinue(channel, query);
                default:
                    if (!OPEN_COMMANDS.contains(name)) {
                        requireAuthenticated(channel, command);
                    }
            }
            Document response = super.handleCommand(channel, databaseName, command, query);
            if (WRITE_COMMANDS.contains(name)) {
                commit();
            }
            return response;
        }

        /** A legacy query on a collection (OP_QUERY), which bypasses the commands. */
        @Override
        public QueryResult handleQuery(MongoQuery query) {
            requireAuthenticated(query.getChannel(), "query");
            return super.handleQuery(query);
        }

        private static void requireAuthenticated(Channel channel, String command) {
            if (!Boolean.TRUE.equals(channel.attr(AUTHENTICATED).get())) {
                throw new MongoServerError(13, "Unauthorized", "command " + command + " requires authentication");
            }
        }

        private Document saslStart(Channel channel, Document query) {
            channel.attr(CONVERSATION).set(null);
            if (!ScramSha256.MECHANISM.equals(query.get("mechanism"))) {
                throw new MongoServerError(334, "MechanismUnavailable",
                                           "Only " + ScramSha256.MECHANISM + " is supported");
            }
            ScramSha256.Conversation conversation = scram.start(payload(query)).orElseThrow(
                    GuardedH2Backend::authenticationFailed);
            channel.attr(CONVERSATION).set(conversation);
            return saslResponse(conversation.serverFirst(), false);
        }

        private Document saslContinue(Channel channel, Document query) {
            ScramSha256.Conversation conversation = channel.attr(CONVERSATION).getAndSet(null);
            if (conversation == null) {
                throw authenticationFailed();
            }
            String serverFinal = conversation.finish(payload(query)).orElseThrow(
                    GuardedH2Backend::authenticationFailed);
            channel.attr(AUTHENTICATED).set(Boolean.TRUE);
            return saslResponse(serverFinal, true);
        }

        private static String payload(Document query) {
            Object payload = query.get("payload");
            byte[] bytes = payload instanceof BinData binary ? binary.getData()
                    : payload instanceof byte[] raw ? raw
                    : payload instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private static Document saslResponse(String payload, boolean done) {
            Document response = new Document();
            response.put("conversationId", CONVERSATION_ID);
            response.put("done", done);
            response.put("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8)));
            response.put("ok", 1.0);
            return response;
        }

        private static MongoServerError authenticationFailed() {
            return new MongoServerError(18, "AuthenticationFailed", "Authentication failed.");
        }
    }
}
