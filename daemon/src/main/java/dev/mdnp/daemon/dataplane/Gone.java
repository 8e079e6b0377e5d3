package dev.mdnp.daemon.dataplane;

import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.wire.Errno;
import java.util.EnumSet;
import java.util.Set;

/** Tells a kernel answer meaning "that object does not exist", which an undo or a delete treats as done. */
final class Gone {

    private static final Set<Errno> ABSENT = EnumSet.of(Errno.ENODEV, Errno.ENOENT, Errno.EADDRNOTAVAIL, Errno.ESRCH);

    private Gone() {
    }

    /** Runs a removal, treating "no such object" as success. */
    static void tolerate(Runnable removal) {
        try {
            removal.run();
        } catch (NetlinkException e) {
            if (!ABSENT.contains(e.errno())) {
                throw e;
            }
        }
    }
}
