package dev.mdnp.daemon.dataplane;

import dev.mdnp.daemon.netlink.RtNetlink;

/**
 * One reversible kernel change. {@link #apply} makes it; {@link #undo} reverts it and accepts that the object is
 * already gone, so that an undo after a crash, a repeat or a half-done apply is safe.
 */
interface Step {

    /** Returns the operation, such as {@code create bridge}, as the request log shows it. */
    String operation();

    /** Returns the object changed, such as a link name. */
    String target();

    /** Makes the change. */
    void apply(RtNetlink rtnl);

    /** Reverts the change; succeeds when there is nothing left to revert. */
    void undo(RtNetlink rtnl);
}
