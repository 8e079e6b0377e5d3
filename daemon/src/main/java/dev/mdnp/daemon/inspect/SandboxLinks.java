package dev.mdnp.daemon.inspect;

import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.RtNetlink;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the introspection channel reads the links inside a container's network namespace, named by the sandbox key
 * Docker gave in Join. Read-only by construction: it offers no operation that changes a link.
 */
@FunctionalInterface
public interface SandboxLinks {

    /**
     * Returns the links of the namespace that {@code namespaceFile} names, from one dump.
     *
     * @throws dev.mdnp.daemon.netlink.NetlinkException when it cannot be read: {@code ENOENT} when the file is gone,
     *                                                  {@code EINVAL} when it is not a network namespace
     */
    List<Link> list(Path namespaceFile);

    /**
     * Returns a source that opens a netlink socket inside the namespace for each call ({@link RtNetlink#openIn},
     * which checks that the file is a namespace file and never moves the calling thread), dumps the links once and
     * closes the socket.
     */
    static SandboxLinks netlink() {
        return namespaceFile -> {
            try (RtNetlink rtnl = RtNetlink.openIn(namespaceFile)) {
                return rtnl.links().list();
            }
        };
    }
}
