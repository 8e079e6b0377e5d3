package dev.mdnp.daemon.netlink.sys;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.wire.Sock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A network namespace as the kernel names it, such as {@code net:[4026531840]}: equal values are the same namespace.
 *
 * <p>Sockets are created in the namespace of the calling <em>thread</em>, and threads can differ. A handle records
 * its namespace so that a second socket (a link monitor) opened for it from the wrong thread fails loudly instead of
 * silently watching another namespace.
 *
 * @param id the target of {@code /proc/thread-self/ns/net}
 */
public record Netns(String id) {

    private static final Path OWN_NETNS = Path.of("/proc/thread-self/ns/net");

    /** Checks the id. */
    public Netns {
        requireNonNull(id, "id");
    }

    /** Returns the calling thread's network namespace. */
    public static Netns current() {
        try {
            return new Netns(Files.readSymbolicLink(OWN_NETNS).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OWN_NETNS, e);
        }
    }

    /**
     * Moves the calling thread, and only it, into a new network namespace that holds nothing but a down {@code lo}
     * ({@code unshare(CLONE_NEWNET)}), and returns it. The namespace lives while the thread or a socket created in
     * it does. Meant for tests; needs {@code CAP_SYS_ADMIN}.
     *
     * @throws ErrnoException with {@code EPERM} without the privilege
     */
    public static Netns unshareCurrentThread() {
        if (NativeLibC.LIBC.unshare(Sock.CLONE_NEWNET) != 0) {
            throw new ErrnoException("unshare CLONE_NEWNET", NativeLibC.errno());
        }
        return current();
    }
}
