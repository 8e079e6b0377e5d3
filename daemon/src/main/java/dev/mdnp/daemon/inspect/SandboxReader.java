package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.MacAddress;
import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.EndpointView;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads the interfaces that mdnp's endpoints give one container, inside the container's network namespace: one dump
 * of its links per call, each endpoint's interface found by the MAC mdnp gave it. An interface that cannot be read
 * gets a problem text instead of a name, state and counters. Changes nothing.
 */
final class SandboxReader {

    private final SandboxLinks links;

    SandboxReader(SandboxLinks links) {
        this.links = requireNonNull(links, "links");
    }

    /**
     * Returns one view per endpoint, in the order given, of the endpoints joined to the sandbox {@code sandboxKey}.
     */
    List<ContainerInterfaceView> read(String sandboxKey, List<EndpointView> endpoints) {
        List<Link> inside;
        try {
            inside = links.list(namespaceFile(sandboxKey));
        } catch (NetlinkException e) {
            String problem = problem(sandboxKey, e);
            return endpoints.stream().map(endpoint -> unread(endpoint, problem)).toList();
        } catch (IllegalArgumentException e) { // the key is no absolute path: nothing was opened
            return endpoints.stream().map(endpoint -> unread(endpoint, e.getMessage())).toList();
        }
        return endpoints.stream().map(endpoint -> view(endpoint, inside)).toList();
    }

    private static Path namespaceFile(String sandboxKey) {
        try {
            Path file = Path.of(sandboxKey);
            if (file.isAbsolute()) {
                return file;
            }
        } catch (InvalidPathException e) {
            // reported below, as any key that is no absolute path
        }
        throw new IllegalArgumentException("the sandbox key \"" + sandboxKey + "\" is not an absolute path");
    }

    private static String problem(String sandboxKey, NetlinkException e) {
        if (e.errnoName().equals("ENOENT")) {
            return "the container's namespace is gone: " + sandboxKey + " does not exist";
        }
        if (e.errnoName().equals("EINVAL")) {
            return "not a network namespace: " + sandboxKey;
        }
        return "cannot read the container's namespace: " + e.getMessage();
    }

    private static ContainerInterfaceView view(EndpointView endpoint, List<Link> inside) {
        MacAddress mac;
        try {
            mac = MacAddress.parse(endpoint.mac());
        } catch (IllegalArgumentException e) {
            return unread(endpoint, endpoint.mac().isEmpty() ? "mdnp knows no MAC for this endpoint"
                    : "the endpoint's MAC \"" + endpoint.mac() + "\" is not a MAC address");
        }
        return inside.stream()
                .filter(link -> Objects.equals(link.mac(), mac))
                .findFirst()
                .map(link -> new ContainerInterfaceView(endpoint.id(), endpoint.networkId(), link.name(),
                        mac.toString(), link.attrs().operState().name(), link.attrs().stats().rxBytes(),
                        link.attrs().stats().txBytes(), ""))
                .orElseGet(() -> unread(endpoint, "no interface in the container has the endpoint's MAC " + mac));
    }

    private static ContainerInterfaceView unread(EndpointView endpoint, String problem) {
        return new ContainerInterfaceView(endpoint.id(), endpoint.networkId(), "", endpoint.mac(), "", 0, 0, problem);
    }
}
