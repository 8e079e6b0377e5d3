package dev.mdnp.inspector.model;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.LinkView;

/**
 * What the kernel said about one link of the topology: whether it has it, its state and its counters.
 *
 * @param inKernel whether the kernel (in the daemon's namespace) has the link
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
}
