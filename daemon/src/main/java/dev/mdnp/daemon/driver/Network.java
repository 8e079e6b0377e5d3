package dev.mdnp.daemon.driver;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.IpamData;
import java.util.List;
import java.util.Optional;

/**
 * A network mdnp knows, as Docker created it.
 *
 * @param request the CreateNetwork request that created it, kept whole because Docker never sends it again
 * @param options the request's options, parsed
 */
public record Network(CreateNetworkRequest request, NetworkOptions options) {

    /** Validates the components. */
    public Network {
        requireNonNull(request, "request");
        requireNonNull(options, "options");
    }

    /**
     * Returns the network {@code request} creates, its options parsed.
     *
     * @throws DriverException with {@link DriverException.Reason#BAD_REQUEST} for an invalid option
     */
    public static Network of(CreateNetworkRequest request) {
        return new Network(request, NetworkOptions.parse(request.options()));
    }

    /** Returns Docker's id of the network. */
    public String id() {
        return request.networkId();
    }

    /** Returns the bridge name: the user's {@code dev.mdnp.bridge.name}, or one derived from the id. */
    public String bridge() {
        return options.bridgeName().isEmpty() ? IfNames.bridge(id()) : options.bridgeName();
    }

    /** Returns the bare IPv4 gateway address of the first IPv4 pool that has one. */
    public Optional<String> gatewayIpv4() {
        return firstGateway(request.ipv4Data());
    }

    /** Returns the bare IPv6 gateway address of the first IPv6 pool that has one. */
    public Optional<String> gatewayIpv6() {
        return firstGateway(request.ipv6Data());
    }

    private static Optional<String> firstGateway(List<IpamData> pools) {
        return pools.stream()
                .map(IpamData::gateway)
                .filter(gateway -> gateway != null && !gateway.isEmpty())
                .map(Network::withoutPrefix)
                .findFirst();
    }

    private static String withoutPrefix(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }
}
