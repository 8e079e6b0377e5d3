package dev.mdnp.daemon.driver;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import java.util.List;

/**
 * An endpoint mdnp created for a container on one of its networks.
 *
 * @param request the CreateEndpoint request that created it
 * @param srcName the name of the veth end Docker moves into the container at Join
 * @param mac the MAC of the container's interface: Docker's, or the one mdnp chose when Docker sent none
 * @param joined whether a container has joined this endpoint and not left it
 * @param sandboxKey the container's namespace path Docker sent at Join, "" when not joined
 * @param published the ports published for it by ProgramExternalConnectivity and not yet revoked
 */
public record Endpoint(CreateEndpointRequest request, String srcName, String mac, boolean joined, String sandboxKey,
        List<PublishedPort> published) {

    /** Validates the components and copies the list. */
    public Endpoint {
        requireNonNull(request, "request");
        requireNonNull(srcName, "srcName");
        requireNonNull(mac, "mac");
        requireNonNull(sandboxKey, "sandboxKey");
        published = List.copyOf(published);
    }

    /** Returns Docker's id of the endpoint. */
    public String id() {
        return request.endpointId();
    }

    /** Returns Docker's id of the endpoint's network. */
    public String networkId() {
        return request.networkId();
    }

    /** Returns the name of the veth end that stays on the host, a port of the network's bridge. */
    public String hostName() {
        return IfNames.hostSide(id());
    }

    /** Returns the endpoint's bare IPv4 address, "" when it has none. */
    public String ipv4() {
        return bare(request.endpointInterface().address());
    }

    /** Returns the endpoint's bare IPv6 address, "" when it has none. */
    public String ipv6() {
        return bare(request.endpointInterface().addressIPv6());
    }

    /** Returns a new, not yet joined endpoint. */
    static Endpoint created(CreateEndpointRequest request, String srcName, String mac) {
        return new Endpoint(request, srcName, mac, false, "", List.of());
    }

    /** Returns a copy joined to the sandbox with the given key. */
    public Endpoint joinedTo(String key) {
        return new Endpoint(request, srcName, mac, true, key, published);
    }

    /** Returns a copy that is not joined. */
    public Endpoint left() {
        return new Endpoint(request, srcName, mac, false, "", published);
    }

    /** Returns a copy with these published ports. */
    public Endpoint withPublished(List<PublishedPort> ports) {
        return new Endpoint(request, srcName, mac, joined, sandboxKey, ports);
    }

    private static String bare(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }
}
