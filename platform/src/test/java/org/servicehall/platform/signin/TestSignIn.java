package org.servicehall.platform.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Who signs in during tests, as {@value #PROPERTIES} configures both sides: the users {@code analyst},
 * {@code supervisor}, {@code compliance} and {@code admin} and a second supervisor {@code supervisor-2} (password =
 * name) and one client per kind
 * ({@code test-ticket-machine}, ...) plus a second counter terminal, each with a known key.
 */
public final class TestSignIn {

    /** For {@code @TestPropertySource(locations = ...)}. */
    public static final String PROPERTIES = "classpath:test-sign-in.properties";
    /** A second client of the same kind as {@link #clientId(ClientKind)} of {@code COUNTER_TERMINAL}. */
    public static final String SECOND_COUNTER_TERMINAL = "test-counter-terminal-2";

    private TestSignIn() {
    }

    public static String clientId(ClientKind kind) {
        return "test-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The key of a test client, by its id. */
    public static String key(String clientId) {
        return ApiKeySecrets.PREFIX + clientId + "-" + "0".repeat(24);
    }

    public static String key(ClientKind kind) {
        return key(clientId(kind));
    }

    /** {@code Authorization: Basic ...} for a test user, whose password is their name. */
    public static String basic(String user) {
        return basic(user, user);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The settings as command-line arguments, for a side started by the launcher. */
    public static List<String> arguments() {
        Properties properties = new Properties();
        try (InputStream in = TestSignIn.class.getResourceAsStream("/test-sign-in.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> arguments = new ArrayList<>();
        properties.stringPropertyNames().stream().sorted()
                  .forEach(name -> arguments.add("--" + name + "=" + properties.getProperty(name)));
        return arguments;
    }
}
