package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What the firewall needs to know about one network to accept its forwarded traffic.
 *
 * <p>The bridge name must be one iptables matches exactly: at most 15 bytes of ASCII letters, digits, {@code _},
 * {@code .} and {@code -}, not starting with {@code -} or {@code .}. The kernel allows more, but iptables reads a
 * trailing {@code +} as a wildcard ({@code -i br+} matches every {@code br*}), a leading {@code -} or a lone
 * {@code !} as an option, and quotes in the rule comment would have to be escaped in listings.
 *
 * <p>Egress NAT (subnets), {@code --internal} and isolation between networks will add components here; the rules
 * they need are derived in one place, {@code RuleTable}.
 *
 * @param bridge the network's Linux bridge
 * @param ipv6 whether the network has IPv6, so that ip6tables gets the same rules as iptables
 * @throws IllegalArgumentException if {@code bridge} is not a name iptables matches exactly
 */
public record NetworkRules(String bridge, boolean ipv6) {

    /** The kernel's limit on an interface name, without the terminating NUL ({@code IFNAMSIZ - 1}). */
    public static final int MAX_BRIDGE_BYTES = 15;

    private static final Pattern BRIDGE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** Validates the bridge name. */
    public NetworkRules {
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
}
