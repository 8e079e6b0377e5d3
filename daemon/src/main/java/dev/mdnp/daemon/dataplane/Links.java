package dev.mdnp.daemon.dataplane;

import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.wire.Errno;

/** The error of a step that needs a link which is not there. */
final class Links {

    private Links() {
    }

    /** Returns the ENODEV error of {@code operation} on the missing link {@code name}. */
    static NetlinkException missing(String name, String operation) {
        return new NetlinkException(operation + " on " + name, Errno.ENODEV.number(), "link not found");
    }
}
