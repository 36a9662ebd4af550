package org.servicehall.platform.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What an API key is: {@value #PREFIX} and 32 random bytes in base64url (43 characters), 256 bits that nobody guesses.
 * So a plain SHA-256 of the key is as good as a slow password hash here (nothing to brute-force), and it finds the key
 * by an indexed equality lookup ({@code _id} = the hash) instead of a bcrypt per request. The hash can be made outside
 * the system for provisioning: {@code printf %s "$KEY" | sha256sum}.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "shk_";
    static final String HASH_PREFIX = "sha256:";
    static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    /** A new key, shown once to whoever asked for it and stored only as its {@link #hash}. */
    public static String generate() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code sha256:<hex>} of the key as sent. */
    public static String hash(String key) {
        return HASH_PREFIX + HexFormat.of().formatHex(sha256(key));
    }

    /**
     * The key's public id, for listing and revoking it: derived from its hash (so a key provisioned as a hash has one
     * too), without showing the hash itself.
     */
    static String keyId(String hash) {
        return "key-" + HexFormat.of().formatHex(sha256("key-id:" + hash)).substring(0, 12);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
