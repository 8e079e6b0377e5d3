package dev.mdnp.inspector.model;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.LinkView;

/**
 * What the kernel said about one link of the topology: whether it has it, its state and its counters. A host end is
 * read in the daemon's namespace, a container's interface inside the container.
 *
 * @param inKernel whether the kernel has the link where it was read
 * @param up whether it is administratively up
 * @param operState the kernel's operational state, such as {@code UP}; {@code ""} when not in the kernel
 * @param mtu its MTU, 0 when not in the kernel
 * @param rxBytes bytes received
 * @param txBytes bytes sent
 */
public record LinkStatus(boolean inKernel, boolean up, String operState, int mtu, long rxBytes, long txBytes) {

    /** A link the kernel did not report. */
    public static final LinkStatus ABSENT = new LinkStatus(false, false, "", 0, 0, 0);

    /** Validates the components. */
    public LinkStatus {
        requireNonNull(operState, "operState");
    }

    /** Returns the status the kernel reported in {@code link}; a link with index 0 is not in the kernel. */
    public static LinkStatus of(LinkView link) {
        if (link.index() == 0) {
            return ABSENT;
        }
        return new LinkStatus(true, link.up(), link.operState(), link.mtu(), link.rxBytes(), link.txBytes());
    }

    /** Returns the status read inside a container, {@link #ABSENT} when it could not be read; the MTU is not read. */
    public static LinkStatus inside(ContainerInterfaceView read) {
        if (!read.isRead()) {
            return ABSENT;
        }
        return new LinkStatus(true, !"DOWN".equals(read.operState()), read.operState(), 0, read.rxBytes(),
                read.txBytes());
    }

    /** Returns the bytes both ways, which rise while the link carries traffic. */
    public long totalBytes() {
        return rxBytes + txBytes;
    }
}
