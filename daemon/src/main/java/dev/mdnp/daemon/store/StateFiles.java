package dev.mdnp.daemon.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state directory and the files in it (the database, the lock, the scratch directories): created with modes 0700
 * and 0600 before SQLite sees them, so there is no moment when others could read or swap them.
 */
final class StateFiles {

    /** The name of the database file in the state directory. */
    static final String DATABASE = "state.db";
    /** The file {@link #probeWrite} writes to find out why a commit failed; it lives only while the probe runs. */
    static final String PROBE = "state.probe";

    private static final Logger log = LoggerFactory.getLogger(StateFiles.class);
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WRITE_BY_OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    /** The database file and SQLite's companions of a WAL database, which it creates with the file's mode. */
    private static final List<String> SUFFIXES = List.of("", "-wal", "-shm");

    private StateFiles() {
    }

    /**
     * Makes sure {@code directory} exists, creating it with mode 0700 when missing. Refuses a path that is not a
     * directory, and a directory that group or others may write (they could replace the state mdnp trusts).
     */
    static void prepareDirectory(Path directory) {
        try {
            if (Files.notExists(directory, LinkOption.NOFOLLOW_LINKS)) {
                createDirectory(directory);
            }
            if (!Files.isDirectory(directory)) {
                throw unusable("state directory " + directory + " is not a directory");
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(directory);
            if (mode.stream().anyMatch(WRITE_BY_OTHERS::contains)) {
                throw unusable("state directory " + directory + " is writable by group or others (mode "
                        + octal(mode) + "), so anyone could replace mdnp's state; run chmod 700 on it");
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILURE,
                    "prepare state directory " + directory + ": " + e, e);
        }
    }

    /**
     * Makes sure {@code directory}, in the state directory, exists (created with mode 0700) and holds no files: those
     * a killed earlier run left are deleted. Must run with the state directory's lock held: nobody else uses it.
     */
    static void emptyDirectory(Path directory) throws IOException {
        if (Files.notExists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Makes sure the directory {@link #prepareDirectory} checked holds the database file, creating it with mode 0600
     * when missing, and returns the file. Refuses a database path that is not a regular file.
     */
    static Path prepareDatabase(Path directory) {
        Path file = directory.resolve(DATABASE);
        try {
            if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
                createFile(file);
            }
            if (!Files.isRegularFile(file)) {
                throw unusable("state database " + file + " is not a regular file; mdnp left it untouched: move it"
                        + " aside");
            }
            return file;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILURE,
                    "prepare state database " + file + ": " + e, e);
        }
    }

    /** Creates {@code file} with mode 0600 exactly, whatever the umask, and makes its directory entry durable. */
    static void createFile(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
        Files.setPosixFilePermissions(file, FILE_MODE);
        Path directory = file.getParent();
        if (directory != null) {
            syncDirectory(directory);
        }
    }

    /**
     * Narrows the database file and its WAL companions to 0600 when they allow more (an operator's copy, an old
     * umask); called only once the file has been checked, so a refused file keeps even its mode.
     */
    static void narrowPermissions(Path file) {
        for (String suffix : SUFFIXES) {
            narrowPermission(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    /** Narrows {@code path} to 0600 when it exists and allows more; a missing path is no error. */
    static void narrowPermission(Path path) {
        try {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                if (!FILE_MODE.containsAll(mode)) {
                    Set<PosixFilePermission> narrowed = EnumSet.copyOf(FILE_MODE);
                    narrowed.retainAll(mode);
                    Files.setPosixFilePermissions(path, narrowed);
                    log.warn("state file had a loose mode; narrowed path={} mode={} now={}", path, octal(mode),
                            octal(narrowed));
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILURE,
                    "narrow the permissions of " + path + ": " + e, e);
        }
    }

    /**
     * Tries what a commit needs, a write in {@code directory}: writes one byte to a new file, {@value #PROBE}, which
     * is deleted again. Returns the operating system's reason when that fails ({@code "writing in DIR fails:
     * Read-only file system"}, {@code "...: No space left on device"}), otherwise the space left
     * ({@code "DIR has 4096 bytes free"}). Never throws: it only explains another failure.
     */
    static String probeWrite(Path directory) {
        Path probe = directory.resolve(PROBE);
        try (FileChannel channel = FileChannel.open(probe, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.DELETE_ON_CLOSE),
                PosixFilePermissions.asFileAttribute(FILE_MODE))) {
            channel.write(ByteBuffer.wrap(new byte[1]));
        } catch (IOException e) {
            return "writing in " + directory + " fails: " + reason(e);
        }
        try {
            return directory + " has " + Files.getFileStore(directory).getUsableSpace() + " bytes free";
        } catch (IOException e) {
            return "the free space in " + directory + " is unknown: " + reason(e);
        }
    }

    /** Returns the operating system's words for a failed file operation, such as "Read-only file system". */
    private static String reason(IOException e) {
        return e instanceof FileSystemException failure && failure.getReason() != null ? failure.getReason()
                : String.valueOf(e.getMessage());
    }

    /** Returns a mode as four octal digits, such as {@code 0755}. */
    static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission permission : mode) {
            // The constants run from OWNER_READ (bit 8) down to OTHERS_EXECUTE (bit 0).
            bits |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", bits);
    }

    private static void createDirectory(Path directory) throws IOException {
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        // The umask may have taken bits away; set exactly 0700.
        Files.setPosixFilePermissions(directory, DIRECTORY_MODE);
        if (parent != null) {
            syncDirectory(parent);
        }
    }

    /** Makes a new entry of the directory durable, as SQLite does for the files it creates. */
    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static StoreException unusable(String message) {
        return new StoreException(StoreException.Reason.UNUSABLE, message, null);
    }
}
