package org.servicehall.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory ({@code hall.data-dir}) holds the embedded server's file and the personal-data master key: it is
 * its owner's only (0700), and so is every file the system writes there (0600), made so before anything is written
 * into it. On a file system without POSIX permissions (Windows) they are left as the system makes them.
 */
public final class DataDirectory {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /** Creates the directory, or takes an existing one, as its owner's only. */
    public static Path prepare(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (posix(directory)) {
            Files.setPosixFilePermissions(directory, DIRECTORY);
        }
        return directory;
    }

    /** The attributes for a new file in {@code directory}: its owner's only. */
    public static FileAttribute<?>[] newFileAttributes(Path directory) {
        return posix(directory) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /** Makes every file already in the directory its owner's only (files from before this version, too). */
    public static void restrictFiles(Path directory) throws IOException {
        if (!posix(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(path)) {
                    Files.setPosixFilePermissions(path, FILE);
                }
            }
        }
    }

    private static boolean posix(Path path) {
        return path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
