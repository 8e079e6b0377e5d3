package dev.mdnp.daemon.netlink.sys;

import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.Sock;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work, such as opening a socket, inside the network namespace that a file names: a container's sandbox key
 * such as {@code /var/run/docker/netns/1a2b3c4d5e6f}, a bind mount of the namespace's {@code nsfs} file.
 *
 * <p>The path is data from another program, so it is checked before anything is opened for reading: first
 * {@code open(O_PATH)}, which neither opens a device nor blocks on a FIFO, then {@code fstatfs} must report
 * {@code NSFS_MAGIC}; only then is the file opened through {@code /proc/thread-self/fd/N}. Nothing is written or
 * created.
 *
 * <p>The work runs on a new thread that enters the namespace with {@code setns(CLONE_NEWNET)}, goes back to its own
 * namespace once the work returned, and ends: the caller's thread, and every pooled thread, stays where it is. A
 * socket created by the work stays in the entered namespace whatever thread uses it later.
 */
public final class NetnsFile {

    private static final Logger log = LoggerFactory.getLogger(NetnsFile.class);
    private static final int O_RDONLY = 0;
    /** {@code O_CLOEXEC}, the same on x86-64 and arm64. */
    private static final int O_CLOEXEC = 0x80000;
    /** {@code O_PATH}: a handle on the path only, the same on x86-64 and arm64. */
    private static final int O_PATH = 0x200000;
    /** {@code NSFS_MAGIC} from {@code <linux/magic.h>}: the filesystem of namespace files. */
    private static final long NSFS_MAGIC = 0x6e736673L;
    /** More than {@code sizeof(struct statfs)} (120 bytes on 64-bit Linux), whose first field is {@code f_type}. */
    private static final int STATFS_BYTES = 256;
    private static final String OWN_NETNS = "/proc/thread-self/ns/net";

    private NetnsFile() {
    }

    /**
     * Calls {@code work} on a new thread inside the network namespace named by {@code file}, with that namespace,
     * and returns what it returned; an exception of {@code work} is rethrown as is. Waits for the thread, also when
     * interrupted (the interrupt is kept).
     *
     * @throws ErrnoException when the file cannot be opened ({@code ENOENT} when it does not exist), is not a
     *                        namespace file ({@code EINVAL}, call {@code "nsfs check"}), or is another kind of
     *                        namespace ({@code EINVAL} from {@code setns})
     */
    public static <T> T callIn(Path file, Function<Netns, T> work) {
        int namespace = openNamespace(file);
        try {
            return onOwnThread(namespace, work);
        } finally {
            NativeLibC.LIBC.close(namespace);
        }
    }

    private static int openNamespace(Path file) {
        LibC libc = NativeLibC.LIBC;
        int path = open(file.toString(), O_PATH | O_CLOEXEC);
        try {
            ByteBuffer statfs = ByteBuffer.allocateDirect(STATFS_BYTES).order(ByteOrder.nativeOrder());
            if (libc.fstatfs(path, statfs) < 0) {
                throw new ErrnoException("fstatfs", NativeLibC.errno());
            }
            long type = statfs.getLong(0);
            if (type != NSFS_MAGIC) {
                throw new ErrnoException("nsfs check", Errno.EINVAL.number(),
                        "not a namespace file (filesystem 0x" + Long.toHexString(type) + ")");
            }
            return open("/proc/thread-self/fd/" + path, O_RDONLY | O_CLOEXEC);
        } finally {
            libc.close(path);
        }
    }

    private static <T> T onOwnThread(int namespace, Function<Netns, T> work) {
        FutureTask<T> task = new FutureTask<>(() -> inside(namespace, work));
        Thread thread = new Thread(task, "mdnp-netns-enter");
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs on the new thread: enter, work, go back. The thread ends right after, wherever it is. */
    private static <T> T inside(int namespace, Function<Netns, T> work) {
        LibC libc = NativeLibC.LIBC;
        int home = open(OWN_NETNS, O_RDONLY | O_CLOEXEC);
        try {
            if (libc.setns(namespace, Sock.CLONE_NEWNET) < 0) {
                throw new ErrnoException("setns", NativeLibC.errno());
            }
            try {
                return work.apply(Netns.current());
            } finally {
                if (libc.setns(home, Sock.CLONE_NEWNET) < 0) {
                    log.warn("cannot return to the daemon's network namespace errno={}; the thread ends anyway",
                            NativeLibC.errno());
                }
            }
        } finally {
            libc.close(home);
        }
    }

    private static int open(String path, int flags) {
        byte[] text = path.getBytes(StandardCharsets.UTF_8);
        int fd = NativeLibC.LIBC.open(Arrays.copyOf(text, text.length + 1), flags);
        if (fd < 0) {
            throw new ErrnoException("open", NativeLibC.errno(), path);
        }
        return fd;
    }
}
