package dev.mdnp.daemon.driver;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.cnm.CreateEndpointRequest;

/**
 * An endpoint mdnp created for a container on one of its networks.
 *
 * @param request the CreateEndpoint request that created it
 * @param srcName the name of the veth end Docker moves into the container at Join
 * @param mac the MAC of the container's interface: Docker's, or the one mdnp chose when Docker sent none
 * @param joined whether a container has joined this endpoint and not left it
 * @param sandboxKey the container's namespace path Docker sent at Join, "" when not joined
 */
public record Endpoint(
        CreateEndpointRequest request, String srcName, String mac, boolean joined, String sandboxKey) {

    /** Validates the components. */
    public Endpoint {
        requireNonNull(request, "request");
        requireNonNull(srcName, "srcName");
        requireNonNull(mac, "mac");
        requireNonNull(sandboxKey, "sandboxKey");
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

    /** Returns a new, not yet joined endpoint. */
    static Endpoint created(CreateEndpointRequest request, String srcName, String mac) {
        return new Endpoint(request, srcName, mac, false, "");
    }

    /** Returns a copy joined to the sandbox with the given key. */
    public Endpoint joinedTo(String key) {
        return new Endpoint(request, srcName, mac, true, key);
    }

    /** Returns a copy that is not joined. */
    public Endpoint left() {
        return new Endpoint(request, srcName, mac, false, "");
    }
}
