package org.servicehall.launcher;

import org.servicehall.command.CommandSideApplication;
import org.servicehall.platform.mongo.EmbeddedMongo;
import org.servicehall.platform.personaldata.MasterKey;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.signin.DevelopmentSignIn;
import org.servicehall.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system in one process: the command side (port 8080) and the query side (port 8081), sharing the
 * MongoDB named by {@code MONGODB_URI} or, without it, one embedded server whose file lives under
 * {@code HALL_DATA_DIR} (default {@code ./data}). Other arguments are passed to both sides.
 */
public final class Launcher implements AutoCloseable {

    private final EmbeddedMongo embedded;
    private final Path dataDirectory;
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    private Launcher(EmbeddedMongo embedded, Path dataDirectory, ConfigurableApplicationContext commandSide,
                     ConfigurableApplicationContext querySide) {
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    public static void main(String[] args) {
        Launcher launcher = start(System.getenv(), args);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "launcher-shutdown"));
        System.out.println();
        System.out.println("Service hall is running.");
        System.out.println("  command side (integrators): " + launcher.commandSideUrl());
        System.out.println("  query side (views):         " + launcher.querySideUrl());
        System.out.println("  data: " + launcher.data());
        launcher.developmentKeys().ifPresent(keys -> {
            System.out.println("Development sign-in (embedded default only): users analyst, supervisor, compliance, "
                               + "admin (password = name); API keys, also in "
                               + launcher.dataDirectory.resolve(DevelopmentSignIn.FILE_NAME) + ":");
            keys.forEach((kind, key) -> System.out.println("  " + DevelopmentSignIn.variable(kind) + "=" + key
                                                           + "   (client " + DevelopmentSignIn.clientId(kind) + ")"));
        });
        System.out.println("Press Ctrl+C to stop.");
    }

    /**
     * Starts both sides. {@code environment} supplies {@code MONGODB_URI}, {@code HALL_DATA_DIR},
     * {@code HALL_PERSONAL_DATA_MASTER_KEY}, {@code HALL_BIND_ADDRESS}, {@code COMMAND_SIDE_PORT},
     * {@code QUERY_SIDE_PORT}, {@code COMMAND_SIDE_PUBLIC_BASE_URL} and {@code QUERY_SIDE_PUBLIC_BASE_URL}.
     */
    public static Launcher start(Map<String, String> environment, String... args) {
        String uri = environment.getOrDefault("MONGODB_URI", "");
        String masterKey = environment.getOrDefault("HALL_PERSONAL_DATA_MASTER_KEY", "");
        EmbeddedMongo embedded = null;
        Path dataDirectory = Path.of(environment.getOrDefault("HALL_DATA_DIR", "data"));
        List<String> arguments = new ArrayList<>();
        if (uri.isBlank()) {
            embedded = EmbeddedMongo.start(dataDirectory, 0);
            uri = embedded.connectionString("hall");
            // The sides see a connection string, not the embedded server: they get its data directory's key, and
            // are told they run on the embedded default (the development users and keys sign in there only).
            if (masterKey.isBlank()) {
                masterKey = MasterKey.loadOrCreate(dataDirectory);
            }
            arguments.add("--hall.mongodb.launcher-embedded=true");
            arguments.add("--hall.data-dir=" + dataDirectory);
        }
        if (!masterKey.isBlank()) {
            arguments.add("--hall.personal-data.master-key=" + masterKey);
        }
        Optional.ofNullable(environment.get("HALL_BIND_ADDRESS")).filter(address -> !address.isBlank())
                .ifPresent(address -> arguments.add("--server.address=" + address));
        arguments.addAll(List.of(args));
        try {
            ConfigurableApplicationContext commandSide = run(CommandSideApplication.application(), uri,
                    environment.getOrDefault("COMMAND_SIDE_PORT", "8080"),
                    environment.get("COMMAND_SIDE_PUBLIC_BASE_URL"), arguments);
            ConfigurableApplicationContext querySide = run(QuerySideApplication.application(), uri,
                    environment.getOrDefault("QUERY_SIDE_PORT", "8081"),
                    environment.get("QUERY_SIDE_PUBLIC_BASE_URL"), arguments);
            return new Launcher(embedded, dataDirectory, commandSide, querySide);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private static ConfigurableApplicationContext run(SpringApplication application, String uri, String port,
                                                      String publicBaseUrl, List<String> args) {
        // The launcher closes the sides in order (query side, command side, then the database) itself.
        application.setRegisterShutdownHook(false);
        // Both sides share one logging system here, which would label every line with the first side's name.
        List<String> arguments = new ArrayList<>(List.of("--hall.mongodb.uri=" + uri, "--server.port=" + port,
                                                         "--logging.include-application-name=false"));
        if (publicBaseUrl != null && !publicBaseUrl.isBlank()) {
            arguments.add("--hall.api.public-base-url=" + publicBaseUrl);
        }
        arguments.addAll(args);
        return application.run(arguments.toArray(String[]::new));
    }

    public String commandSideUrl() {
        return "http://localhost:" + commandSide.getEnvironment().getProperty("local.server.port");
    }

    public String querySideUrl() {
        return "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port");
    }

    /** The development keys the sides made, on the embedded default without configured clients. */
    Optional<Map<ClientKind, String>> developmentKeys() {
        return embedded != null ? DevelopmentSignIn.readKeys(dataDirectory) : Optional.empty();
    }

    String data() {
        return Optional.ofNullable(embedded).map(mongo -> "embedded, file " + mongo.file())
                       .orElse("MongoDB from MONGODB_URI");
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
