package org.servicehall.platform.personaldata;

import org.servicehall.platform.DataDirectory;
import org.servicehall.platform.HallProperties;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The key that wraps every customer's data key, so that a copy of the database alone reveals no personal data. It
 * comes from {@code hall.personal-data.master-key} (env {@code HALL_PERSONAL_DATA_MASTER_KEY}): 32 random bytes in
 * base64, e.g. {@code openssl rand -base64 32}. Only with the embedded server, whose data is a file on this machine
 * anyway, may it be left out: it is then generated once into the data directory and read from there afterwards.
 */
public final class MasterKey {

    public static final String FILE_NAME = "personal-data-master.key";
    static final String PROPERTY = "hall.personal-data.master-key";
    static final String ENVIRONMENT = "HALL_PERSONAL_DATA_MASTER_KEY";
    private static final String SOURCE = PROPERTY + " (env " + ENVIRONMENT + ")";

    private MasterKey() {
    }

    static SecretKey resolve(String configured, HallProperties hall) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, SOURCE);
        }
        requireForExternalDatabase(hall.mongodb().uri(), configured);
        Path dataDirectory = hall.dataDir();
        return decode(loadOrCreate(dataDirectory), dataDirectory.resolve(FILE_NAME).toAbsolutePath().toString());
    }

    /** With {@code MONGODB_URI} set, a master key must be configured, and a configured one must be well formed. */
    static void requireForExternalDatabase(String mongodbUri, String configured) {
        if (configured != null && !configured.isBlank()) {
            decode(configured, SOURCE);
        } else if (mongodbUri != null && !mongodbUri.isBlank()) {
            throw new IllegalStateException(
                    "MONGODB_URI is set, so " + ENVIRONMENT + " (property " + PROPERTY + ") must be set too: the "
                    + "master key that wraps the customers' personal-data keys kept in MongoDB, 32 random bytes in "
                    + "base64 (e.g. `openssl rand -base64 32`). Every instance of both sides needs the same key; keep "
                    + "it outside the database and its backups.");
        }
    }

    /**
     * The base64 master key kept in {@code dataDirectory}, generated on first use. The launcher calls this for the
     * embedded server it starts, so both sides get the same key.
     */
    public static String loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            DataDirectory.prepare(dataDirectory);
            if (!Files.exists(file)) {
                String key = Base64.getEncoder().encodeToString(Aes.randomBytes(Aes.KEY_BYTES));
                // Written whole, readable by the owner only, before it appears under its name.
                Path written = ownerOnly(dataDirectory);
                Files.writeString(written, key + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(written, file);
                    return key;
                } catch (FileAlreadyExistsException created) {
                    Files.delete(written);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the personal-data master key " + file, e);
        }
    }

    private static Path ownerOnly(Path directory) throws IOException {
        return Files.createTempFile(directory, FILE_NAME, ".new", DataDirectory.newFileAttributes(directory));
    }

    static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The personal-data master key from " + source + " is not base64", e);
        }
        if (bytes.length != Aes.KEY_BYTES) {
            throw new IllegalStateException("The personal-data master key from " + source + " must be "
                                            + Aes.KEY_BYTES + " bytes (base64 of `openssl rand -base64 32`), not "
                                            + bytes.length);
        }
        return Aes.key(bytes);
    }
}
