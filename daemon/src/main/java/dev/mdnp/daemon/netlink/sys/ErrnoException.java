package dev.mdnp.daemon.netlink.sys;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.wire.Errno;

/**
 * A system call that failed with an {@code errno}, such as {@code recv} with {@code EAGAIN} after the receive
 * timeout. The netlink handle turns it into a {@code NetlinkException} naming the operation it was doing.
 */
public final class ErrnoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    /** Creates the exception for system call {@code call} (such as {@code "recv"}) that failed with {@code errno}. */
    public ErrnoException(String call, int errno) {
        this(call, errno, "");
    }

    /** As {@link #ErrnoException(String, int)} with a detail appended to the message. */
    public ErrnoException(String call, int errno, String detail) {
        super(call + ": " + Errno.of(errno).description() + " (" + name(errno) + ")"
                + (detail.isEmpty() ? "" : ": " + detail));
        this.call = requireNonNull(call, "call");
        this.errno = errno;
    }

    /** Returns the name of the failed system call. */
    public String call() {
        return call;
    }

    /** Returns the positive errno number. */
    public int errno() {
        return errno;
    }

    private static String name(int errno) {
        Errno known = Errno.of(errno);
        return known == Errno.UNKNOWN ? "errno " + errno : known.name();
    }
}
