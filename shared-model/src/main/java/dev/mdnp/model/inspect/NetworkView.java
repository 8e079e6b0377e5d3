package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A network mdnp holds, as {@code /v1/networks} shows it.
 *
 * @param id Docker's network id
 * @param name the network's name in Docker ({@code docker network create NAME}), learned from the engine in the
 *     background; {@code ""} while unknown (Docker unreachable, not yet learned, or a daemon older than this field)
 * @param bridge the name of its bridge
 * @param mtu the MTU of its bridge and veths, 0 for the kernel's default
 * @param ipv4Subnets its IPv4 pools, in CIDR form
 * @param ipv6Subnets its IPv6 pools, in CIDR form
 * @param gateways the bridge's gateway addresses, in CIDR form
 * @param options the generic options Docker passed ({@code -o}), as text
 * @param endpoints how many endpoints it has
 * @param createdAt when mdnp created it
 */
public record NetworkView(String id, String name, String bridge, int mtu, List<String> ipv4Subnets,
        List<String> ipv6Subnets, List<String> gateways, Map<String, String> options, int endpoints,
        Instant createdAt) {

    /** Validates the components and copies the collections; a null or absent name from JSON becomes {@code ""}. */
    public NetworkView {
        requireNonNull(id, "id");
        name = name == null ? "" : name;
        requireNonNull(bridge, "bridge");
        ipv4Subnets = List.copyOf(ipv4Subnets);
        ipv6Subnets = List.copyOf(ipv6Subnets);
        gateways = List.copyOf(gateways);
        options = Map.copyOf(options);
        requireNonNull(createdAt, "createdAt");
    }

    /** Returns Docker's name when known, else the id: what a person recognises the network by. */
    public String displayName() {
        return name.isEmpty() ? id : name;
    }

    /** Returns a copy with Docker's name {@code dockerName}. */
    public NetworkView withName(String dockerName) {
        return new NetworkView(id, dockerName, bridge, mtu, ipv4Subnets, ipv6Subnets, gateways, options, endpoints,
                createdAt);
    }
}
