package dev.mdnp.daemon.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The exclusive lock on a state directory that keeps two daemons from using the same state: an OS lock
 * ({@link FileChannel#tryLock()}, {@code fcntl} on Linux) on the file {@code state.lock} (mode 0600) in the
 * directory, held from before the database is touched until {@link #close()}. The OS drops it when the process dies,
 * even by SIGKILL, so a crash never leaves the directory locked. The file stays; it holds the pid of the last holder,
 * for the message another daemon shows.
 *
 * <p>OS locks belong to the process, not to the channel: a second lock on the file from the same JVM throws
 * {@link OverlappingFileLockException}, and closing any channel of the file drops the lock the process holds. So a
 * second {@link #acquire} in the same JVM is refused by a registry of held files before it opens a channel at all.
 */
final class StateLock implements AutoCloseable {

    /** The name of the lock file in the state directory. */
    static final String FILE = "state.lock";

    /** The pid is a decimal number; anything longer in the file is not one. */
    private static final int MAX_PID_TEXT = 32;

    /** The lock files this JVM holds, by {@link BasicFileAttributes#fileKey()} (device and inode). */
    private static final Set<Object> HELD = new HashSet<>();

    private final Path file;
    private final Object key;
    private final FileChannel channel;
    private final FileLock lock;
    /** Guarded by {@code StateLock.class}, like {@link #HELD}. */
    private boolean released;

    private StateLock(Path file, Object key, FileChannel channel, FileLock lock) {
        this.file = file;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code directory}, which {@link StateFiles#prepareDirectory} has checked, creating
     * {@code state.lock} (0600) when missing. Throws {@link StoreException} with reason {@code IN_USE} when another
     * process, or another store of this one, holds it; {@code UNUSABLE} when {@code state.lock} is not a regular file.
     */
    static synchronized StateLock acquire(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
                StateFiles.createFile(file);
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new StoreException(StoreException.Reason.UNUSABLE, "state lock " + file
                        + " is not a regular file; move it aside", null);
            }
            Object key = attributes.fileKey() != null ? attributes.fileKey() : file;
            if (HELD.contains(key)) {
                throw inUse(directory, "another store of this process");
            }
            StateFiles.narrowPermission(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock = tryLock(directory, channel);
            if (lock == null) {
                OptionalLong pid = readPid(channel);
                channel.close();
                throw inUse(directory, pid.isPresent() ? "pid " + pid.getAsLong() : null);
            }
            try {
                writePid(channel);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            HELD.add(key);
            return new StateLock(file, key, channel, lock);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILURE, "lock state directory " + directory + ": " + e,
                    e);
        }
    }

    /** Returns the lock file. */
    Path path() {
        return file;
    }

    /** Releases the lock; releasing twice is no error. */
    @Override
    public void close() {
        synchronized (StateLock.class) {
            if (released) {
                return;
            }
            released = true;
            HELD.remove(key);
            try {
                // Closing the channel releases the lock too; release first so a failing close still unlocks.
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.FAILURE, "release state lock " + file + ": " + e, e);
            }
        }
    }

    private static @Nullable FileLock tryLock(Path directory, FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Something in this JVM other than a store locked the file. The channel stays open on purpose: closing
            // it would drop that holder's lock (see the class comment).
            throw inUse(directory, "this process holds a lock on " + FILE + " outside the store");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Returns the pid the holder wrote into the file, when the file holds one. */
    private static OptionalLong readPid(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(MAX_PID_TEXT + 1);
            int read = 0;
            while (read >= 0 && buffer.hasRemaining()) {
                read = channel.read(buffer, buffer.position());
            }
            if (buffer.position() > MAX_PID_TEXT) {
                return OptionalLong.empty();
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static void writePid(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        channel.truncate(0);
        while (text.hasRemaining()) {
            channel.write(text, text.position());
        }
    }

    private static StoreException inUse(Path directory, @Nullable String holder) {
        return new StoreException(StoreException.Reason.IN_USE, "state directory " + directory
                + " is in use by another mdnp daemon" + (holder == null ? "" : " (" + holder + ")")
                + "; stop it, or pass another --state-dir", null);
    }
}
