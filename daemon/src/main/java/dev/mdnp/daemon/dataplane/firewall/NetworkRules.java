package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the firewall needs to know about one network: its bridge, its subnets and how it treats traffic (the behaviour
 * of Docker's bridge driver, cnm-remote-api.md §4 and bridge-parity.md §6).
 *
 * <p>The bridge name must be one iptables matches exactly: at most 15 bytes of ASCII letters, digits, {@code _},
 * {@code .} and {@code -}, not starting with {@code -} or {@code .}. The kernel allows more, but iptables reads a
 * trailing {@code +} as a wildcard ({@code -i br+} matches every {@code br*}), a leading {@code -} or a lone
 * {@code !} as an option, and quotes in the rule comment would have to be escaped in listings.
 *
 * @param bridge the network's Linux bridge
 * @param ipv4Subnets the network's IPv4 subnets, as {@code address/prefix}
 * @param ipv6Subnets the network's IPv6 subnets; non-empty means ip6tables gets the network's rules too
 * @param internal {@code --internal}: nothing leaves the bridge for another interface or enters it from one
 * @param icc whether containers on the network may reach each other
 * @param masquerade whether egress is masqueraded in {@link GatewayMode#NAT} mode
 * @param ipv4Mode how IPv4 reaches beyond the host
 * @param ipv6Mode how IPv6 reaches beyond the host
 * @throws IllegalArgumentException if {@code bridge} is not a name iptables matches exactly, or a subnet is not a
 *     CIDR of its family
 */
public record NetworkRules(String bridge, List<String> ipv4Subnets, List<String> ipv6Subnets, boolean internal,
        boolean icc, boolean masquerade, GatewayMode ipv4Mode, GatewayMode ipv6Mode) {

    /** The kernel's limit on an interface name, without the terminating NUL ({@code IFNAMSIZ - 1}). */
    public static final int MAX_BRIDGE_BYTES = 15;

    private static final Pattern BRIDGE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** Validates the bridge name and the subnets, and copies the lists. */
    public NetworkRules {
        requireBridge(bridge);
        ipv4Subnets = subnets(ipv4Subnets, IpFamily.IPV4);
        ipv6Subnets = subnets(ipv6Subnets, IpFamily.IPV6);
        requireNonNull(ipv4Mode, "ipv4Mode");
        requireNonNull(ipv6Mode, "ipv6Mode");
    }

    /**
     * Returns the rules of a network that is nothing but its bridge: what is left to find for a network mdnp does not
     * know, whose rules are removed by their tag.
     */
    public static NetworkRules bridgeOnly(String bridge) {
        return new NetworkRules(bridge, List.of(), List.of(), false, true, true, GatewayMode.NAT, GatewayMode.NAT);
    }

    /** Returns true when the network has IPv6, so that ip6tables holds its rules too. */
    public boolean ipv6() {
        return !ipv6Subnets.isEmpty();
    }

    /** Returns the subnets of one family. */
    List<String> subnets(IpFamily family) {
        return family == IpFamily.IPV4 ? ipv4Subnets : ipv6Subnets;
    }

    /** Returns how one family reaches beyond the host. */
    GatewayMode mode(IpFamily family) {
        return family == IpFamily.IPV4 ? ipv4Mode : ipv6Mode;
    }

    static void requireBridge(String bridge) {
        requireNonNull(bridge, "bridge");
        int bytes = bridge.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_BRIDGE_BYTES) {
            throw new IllegalArgumentException(
                    "bridge name '" + bridge + "' has " + bytes + " bytes, not 1 to " + MAX_BRIDGE_BYTES);
        }
        if (!BRIDGE.matcher(bridge).matches()) {
            throw new IllegalArgumentException("bridge name '" + bridge
                    + "' is not one iptables matches exactly: use letters, digits, '_', '.' and '-',"
                    + " not first '-' or '.'");
        }
    }

    private static List<String> subnets(List<String> subnets, IpFamily family) {
        return subnets.stream().map(cidr -> {
            if (Addresses.familyOf(cidr).orElse(null) != family) {
                throw new IllegalArgumentException("'" + cidr + "' is not an " + family + " subnet");
            }
            return Addresses.network(cidr);
        }).toList();
    }
}
