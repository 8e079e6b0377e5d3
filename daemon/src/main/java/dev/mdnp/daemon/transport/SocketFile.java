package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket file of one server: creates it with exactly the requested mode and removes it again.
 *
 * <p>{@code bind()} creates the file with mode {@code 0777 & ~umask}, and a chmod after it would leave a window in
 * which anyone may connect. So the socket is bound inside a fresh 0700 directory next to the target (same file
 * system), chmodded there, and then renamed onto the target with one {@code rename(2)}, which also replaces a stale
 * socket without a moment in which the path is missing. Before that, an existing path is checked: a socket that
 * answers a probe connection belongs to a live server ({@link SocketInUseException}); one that refuses it
 * ({@code ECONNREFUSED}) is stale and gets replaced; anything that is not a socket is never touched. A server that
 * appears between the probe and the rename would be replaced; mdnp accepts that race.
 *
 * <p>Thread safety: {@link #bind} runs once, before the server starts; {@link #unlink} may run on any thread.
 */
final class SocketFile {

    private static final Logger log = LoggerFactory.getLogger(SocketFile.class);
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final Set<PosixFilePermission> CREATED_DIRECTORY_MODE =
            Set.copyOf(PosixFilePermissions.fromString("rwxr-xr-x"));
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY_MODE =
            Set.copyOf(PosixFilePermissions.fromString("rwx------"));
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int TEMP_NAME_LENGTH = 6;
    private static final int TEMP_ATTEMPTS = 32;

    private final Path path;
    private final Set<PosixFilePermission> mode;
    private volatile @Nullable Object fileKey;

    SocketFile(Path path, Set<PosixFilePermission> mode) {
        this.path = requireNonNull(path, "path");
        this.mode = Set.copyOf(mode);
    }

    /**
     * Creates the socket file and returns the listening channel, in blocking mode.
     *
     * @throws SocketInUseException if a live server answers on the path
     * @throws FileAlreadyExistsException if the path exists and is not a socket
     * @throws IOException if the parent directory, the temporary directory or the socket cannot be made
     */
    ServerSocketChannel bind(int backlog) throws IOException {
        Path parent = requireNonNull(path.getParent(), "parent");
        createMissingDirectories(parent);
        checkExistingPath();
        Path tempDirectory = createPrivateDirectory(parent);
        try {
            Path tempSocket = tempDirectory.resolve("s");
            if (tempSocket.toString().getBytes(StandardCharsets.UTF_8).length > UnixSocketServerConfig.MAX_PATH_BYTES) {
                throw new IOException("directory " + parent + " is too long to bind a temporary socket in it");
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(tempSocket), backlog);
                Files.setPosixFilePermissions(tempSocket, mode);
                Files.move(tempSocket, path, StandardCopyOption.ATOMIC_MOVE);
                fileKey = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
                return server;
            } catch (IOException | RuntimeException e) {
                server.close();
                Files.deleteIfExists(tempSocket);
                throw e;
            }
        } finally {
            deleteQuietly(tempDirectory);
        }
    }

    /** Removes the socket file if it is still the one {@link #bind} created; never throws. */
    void unlink() {
        try {
            Object created = fileKey;
            Object current = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (created != null && !created.equals(current)) {
                log.warn("socket file was replaced by someone else; leaving it path={}", path);
                return;
            }
            Files.delete(path);
        } catch (NoSuchFileException e) {
            log.debug("socket file already gone path={}", path);
        } catch (IOException e) {
            log.warn("cannot remove socket file path={}: {}", path, e.toString());
        }
    }

    private void checkExistingPath() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!isSocket(attributes)) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "exists and is not a socket; remove it or choose another path");
        }
        // Non-blocking: a live server with a full backlog answers EAGAIN at once instead of stalling the start.
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.configureBlocking(false);
            probe.connect(UnixDomainSocketAddress.of(path));
        } catch (ConnectException e) {
            // ECONNREFUSED: a socket file that nobody listens on any more, left by a crash or kill -9.
            log.info("replacing stale socket file path={}", path);
            return;
        } catch (BindException e) {
            // EACCES: the probe may not even connect, so it cannot tell whether the server is alive.
            throw new IOException("cannot probe existing socket " + path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SocketInUseException(path, e);
        }
        throw new SocketInUseException(path, null);
    }

    private boolean isSocket(BasicFileAttributes attributes) throws IOException {
        if (!attributes.isOther()) {
            return false;
        }
        // "Other" covers fifos and devices too; the file type bits of st_mode tell a socket apart.
        int stMode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (stMode & S_IFMT) == S_IFSOCK;
    }

    private static void createMissingDirectories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = directory; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                Files.createDirectory(next);
                // Set after creation: the mode given to mkdir is narrowed by the umask.
                Files.setPosixFilePermissions(next, CREATED_DIRECTORY_MODE);
                log.info("created directory path={}", next);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(next)) {
                    throw e;
                }
            }
        }
    }

    private static Path createPrivateDirectory(Path parent) throws IOException {
        // A short name of our own: createTempDirectory appends up to 20 digits, which can overflow sun_path.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < TEMP_ATTEMPTS; attempt++) {
            StringBuilder name = new StringBuilder(".mdnp-");
            for (int i = 0; i < TEMP_NAME_LENGTH; i++) {
                name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            try {
                // mkdir with 0700 (the umask can only narrow it), so the directory is private from the start.
                return Files.createDirectory(parent.resolve(name.toString()),
                        PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY_MODE));
            } catch (FileAlreadyExistsException e) {
                log.debug("temporary directory name taken name={}", name);
            }
        }
        throw new IOException("cannot create a private temporary directory in " + parent);
    }

    private static void deleteQuietly(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.warn("cannot remove temporary directory path={}: {}", directory, e.toString());
        }
    }
}
