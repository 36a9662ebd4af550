package org.servicehall.platform.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who signs in on the embedded default when nobody is configured, so that the system can be tried at once: the
 * development users (password = name) and one development client per kind, whose keys are generated on first start
 * into {@value #FILE_NAME} in the data directory (readable by its owner only, as shell variables:
 * {@code source data/development-keys.env}) and recorded as development keys, which a side on a real database refuses
 * to start with.
 */
public final class DevelopmentSignIn {

    public static final String FILE_NAME = "development-keys.env";

    /** The development users, each with the role of their name. */
    static final Map<String, SignInProperties.User> USERS = Arrays.stream(Role.values()).collect(Collectors.toMap(
            role -> role.name().toLowerCase(Locale.ROOT),
            role -> new SignInProperties.User("{noop}" + role.name().toLowerCase(Locale.ROOT), List.of(role)),
            (one, other) -> one, LinkedHashMap::new));

    private DevelopmentSignIn() {
    }

    /** The development client of a kind: {@code dev-ticket-machine}, ... */
    public static String clientId(ClientKind kind) {
        return "dev-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The shell variable holding a kind's key in the file: {@code TICKET_MACHINE_KEY}. */
    public static String variable(ClientKind kind) {
        return kind.name() + "_KEY";
    }

    /** The development keys kept in {@code dataDirectory}, generated on first use. */
    static Map<ClientKind, String> loadOrCreateKeys(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDirectory);
            if (!Files.exists(file)) {
                StringBuilder content = new StringBuilder("# Development API keys, one per client kind (embedded "
                        + "default only). Use: source " + FILE_NAME + "\n");
                for (ClientKind kind : ClientKind.values()) {
                    content.append(variable(kind)).append('=').append(ApiKeySecrets.generate()).append('\n');
                }
                // Written whole, readable by the owner only, before it appears under its name.
                Path written = ownerOnly(dataDirectory);
                Files.writeString(written, content, StandardCharsets.US_ASCII);
                try {
                    Files.move(written, file);
                } catch (FileAlreadyExistsException created) {
                    Files.delete(written);
                }
            }
            return readKeys(dataDirectory).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development keys " + file, e);
        }
    }

    /** The development keys in {@code dataDirectory}, if there are any (for the launcher to print). */
    public static Optional<Map<ClientKind, String>> readKeys(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Map<ClientKind, String> keys = new EnumMap<>(ClientKind.class);
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                for (ClientKind kind : ClientKind.values()) {
                    if (line.startsWith(variable(kind) + "=")) {
                        keys.put(kind, line.substring(variable(kind).length() + 1).strip());
                    }
                }
            }
            if (keys.size() != ClientKind.values().length) {
                throw new IllegalStateException(file + " lacks a key for some client kind; delete it to have "
                                                + "new development keys made");
            }
            return Optional.of(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the development keys " + file, e);
        }
    }

    private static Path ownerOnly(Path directory) throws IOException {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(directory, FILE_NAME, ".new",
                                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                                                "rw-------")));
        }
        return Files.createTempFile(directory, FILE_NAME, ".new");
    }
}
