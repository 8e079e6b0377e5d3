package dev.mdnp.daemon.ipam;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranges that {@code RequestPool} carves automatic pools from when Docker sends no {@code Pool}
 * ({@code cnm-remote-api.md} §3.3), tried in order, lowest free pool first.
 *
 * <p>The built-in default, {@link #builtIn()}, stays clear of Docker's own default ranges:
 * <ul>
 *   <li>IPv4 {@code 10.231.0.0/16} in /24s (256 networks). Docker's local default pools are {@code 172.17.0.0/16}
 *       to {@code 172.31.0.0/16} and {@code 192.168.0.0/16} (in /20s); its swarm default is {@code 10.0.0.0/8} in
 *       /24s, handed out from {@code 10.0.0.0} upwards, so {@code 10.231.x} is reached only after about 59,000
 *       overlay networks. {@code 100.64.0.0/10} was not taken: carrier-grade NAT, Tailscale and many cloud
 *       setups use it. A block that happens to collide with a host route is skipped by Docker itself, which
 *       checks automatic pools against the routes and asks again (the overlap loop of §3.3); mdnp then answers
 *       with the next pool.</li>
 *   <li>IPv6 {@code fd6d:6e70::/48} in /64s: a unique local range (RFC 4193) whose global id starts with the ASCII of
 *       {@code mnp}. RFC 4193 asks for a random id; a fixed one gives a host the same pools after every restart,
 *       and clashes only where two mdnp hosts route their container networks to each other.</li>
 * </ul>
 *
 * @param templates the ranges, in the order they are tried; no two may overlap
 */
public record DefaultPools(List<PoolTemplate> templates) {

    private static final List<PoolTemplate> BUILT_IN = List.of(
            PoolTemplate.parse("10.231.0.0/16/24"),
            PoolTemplate.parse("fd6d:6e70::/48/64"));

    /**
     * Copies the list and checks that no two ranges overlap.
     *
     * @param templates the ranges, in the order they are tried
     * @throws IllegalArgumentException naming two ranges that overlap
     */
    public DefaultPools {
        templates = List.copyOf(templates);
        for (int i = 0; i < templates.size(); i++) {
            for (int j = i + 1; j < templates.size(); j++) {
                if (templates.get(i).base().overlaps(templates.get(j).base())) {
                    throw new IllegalArgumentException("default pools " + templates.get(i) + " and "
                            + templates.get(j) + " overlap");
                }
            }
        }
    }

    /** Returns mdnp's built-in default: {@code 10.231.0.0/16} in /24s and {@code fd6d:6e70::/48} in /64s. */
    public static DefaultPools builtIn() {
        return new DefaultPools(BUILT_IN);
    }

    /**
     * Builds the default pools from the values of a repeatable {@code --default-pool} option. Pure; meant for the
     * command line. The given ranges replace the built-in one of their IP version; a version none of them covers
     * keeps its built-in range, so {@code --default-pool 10.99.0.0/16/24} alone still leaves IPv6 networks their
     * default.
     *
     * @param values such as {@code 10.231.0.0/16/24} and {@code fd00:1::/48/64}; none gives {@link #builtIn()}
     * @return the default pools
     * @throws IllegalArgumentException for a value {@link PoolTemplate#parse} refuses, or two that overlap
     */
    public static DefaultPools fromOptions(List<String> values) {
        List<PoolTemplate> given = values.stream().map(PoolTemplate::parse).toList();
        List<PoolTemplate> merged = new ArrayList<>(given);
        for (PoolTemplate builtIn : BUILT_IN) {
            if (given.stream().noneMatch(template -> template.version() == builtIn.version())) {
                merged.add(builtIn);
            }
        }
        return new DefaultPools(merged);
    }

    /** Returns the ranges of one IP version, in order. */
    public List<PoolTemplate> templatesOf(IpVersion version) {
        return templates.stream().filter(template -> template.version() == version).toList();
    }
}
