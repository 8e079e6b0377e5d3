package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.wire.Errno;

/**
 * A failed rtnetlink operation: the kernel's {@code NLMSG_ERROR}, a failed system call on the socket, or a reply
 * that does not parse ({@code EBADMSG}). It carries the operation, the errno and the kernel's extended-ack text, and
 * reads like {@code create bridge mdnp-1a2b3c: file exists (EEXIST)} or
 * {@code set mtu of mdnpt0 to 10: invalid argument (EINVAL): mtu less than device minimum}.
 */
public final class NetlinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int errnoNumber;
    private final String kernelMessage;

    /**
     * Creates the exception.
     *
     * @param operation     what was being done, such as {@code "create veth mdnph1234/mdnpc1234"}
     * @param errnoNumber   the positive errno
     * @param kernelMessage the kernel's extended-ack text, or empty
     */
    public NetlinkException(String operation, int errnoNumber, String kernelMessage) {
        super(format(operation, errnoNumber, kernelMessage));
        this.operation = requireNonNull(operation, "operation");
        this.errnoNumber = errnoNumber;
        this.kernelMessage = requireNonNull(kernelMessage, "kernelMessage");
    }

    /** As {@link #NetlinkException(String, int, String)}, keeping the lower layer's exception as the cause. */
    public NetlinkException(String operation, int errnoNumber, String kernelMessage, Throwable cause) {
        this(operation, errnoNumber, kernelMessage);
        initCause(cause);
    }

    /** Returns what was being done, such as {@code "create bridge mdnp-1a2b3c"}. */
    public String operation() {
        return operation;
    }

    /** Returns the errno, {@link Errno#UNKNOWN} when the table has no name for {@link #errnoNumber()}. */
    public Errno errno() {
        return Errno.of(errnoNumber);
    }

    /** Returns the positive errno number. */
    public int errnoNumber() {
        return errnoNumber;
    }

    /** Returns the errno's name, such as {@code "EEXIST"}, or {@code "errno 200"} for one without a name here. */
    public String errnoName() {
        return errno() == Errno.UNKNOWN ? "errno " + errnoNumber : errno().name();
    }

    /** Returns the kernel's extended-ack text, such as {@code "mtu less than device minimum"}; empty if none. */
    public String kernelMessage() {
        return kernelMessage;
    }

    private static String format(String operation, int errnoNumber, String kernelMessage) {
        Errno errno = Errno.of(errnoNumber);
        String name = errno == Errno.UNKNOWN ? "errno " + errnoNumber : errno.name();
        return operation + ": " + errno.description() + " (" + name + ")"
                + (kernelMessage.isEmpty() ? "" : ": " + kernelMessage);
    }
}
