package dev.mdnp.daemon.dataplane;

import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.sys.Netns;

/**
 * Guards work that belongs to the calling thread's network namespace rather than to a netlink handle's: sysctl files
 * under {@code /proc/sys/net} and new sockets. Such work must run on a thread in the handle's namespace, or it would
 * change another namespace (the host's, for a test whose handle lives in a private one).
 */
final class OwnNamespace {

    private OwnNamespace() {
    }

    /**
     * Checks that the calling thread is in {@code rtnl}'s namespace.
     *
     * @throws IllegalStateException naming {@code what} when it is not
     */
    static void require(RtNetlink rtnl, String what) {
        Netns current = Netns.current();
        if (!current.equals(rtnl.netns())) {
            throw new IllegalStateException(what + " must run in the dataplane's network namespace " + rtnl.netns()
                    + ", not in " + current);
        }
    }
}
