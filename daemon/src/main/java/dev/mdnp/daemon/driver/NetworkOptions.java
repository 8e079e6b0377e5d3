package dev.mdnp.daemon.driver;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.IpPrefix;
import dev.mdnp.daemon.dataplane.Traffic;
import dev.mdnp.daemon.dataplane.firewall.GatewayMode;
import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.model.cnm.OptionKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The options of one network, parsed once from {@code CreateNetwork.Options} (cnm-remote-api.md §2.2, §4), with the
 * built-in bridge driver's keys under the same names and the same values (bridge-parity.md §6).
 *
 * @param generic the user's {@code -o k=v} options, unchanged
 * @param enableIpv6 whether the network was created with {@code --ipv6}
 * @param internal whether the network was created with {@code --internal}
 * @param mtu the MTU from {@code com.docker.network.driver.mtu}, or 0 when not given
 * @param bridgeName the bridge name from {@code com.docker.network.bridge.name} (or mdnp's older
 *     {@code dev.mdnp.bridge.name}), or "" when not given
 * @param icc {@code com.docker.network.bridge.enable_icc}, default true
 * @param masquerade {@code com.docker.network.bridge.enable_ip_masquerade}, default true
 * @param hostBindingIp {@code com.docker.network.bridge.host_binding_ipv4}: the host address {@code -p} publishes on
 *     when it names none, or "" for every address
 * @param ipv4Mode {@code com.docker.network.bridge.gateway_mode_ipv4}, default {@link GatewayMode#NAT}
 * @param ipv6Mode {@code com.docker.network.bridge.gateway_mode_ipv6}, default {@link GatewayMode#NAT}
 */
public record NetworkOptions(
        Map<String, String> generic, boolean enableIpv6, boolean internal, int mtu, String bridgeName, boolean icc,
        boolean masquerade, String hostBindingIp, GatewayMode ipv4Mode, GatewayMode ipv6Mode) {

    /** The smallest MTU Linux accepts for an IPv4 interface. */
    public static final int MIN_MTU = 68;
    /** The largest MTU of a Linux bridge or veth. */
    public static final int MAX_MTU = 65535;
    /** Linux interface names are at most this many bytes (IFNAMSIZ - 1). */
    public static final int MAX_IFNAME_BYTES = 15;

    /** The texts Go's strconv.ParseBool accepts, which Docker's bridge driver parses its flags with. */
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");
    private static final String BOOLEANS = "true or false (also 1, 0, t, f)";

    /** Validates the components and copies the map. */
    public NetworkOptions {
        generic = Map.copyOf(generic);
        requireNonNull(bridgeName, "bridgeName");
        requireNonNull(hostBindingIp, "hostBindingIp");
        requireNonNull(ipv4Mode, "ipv4Mode");
        requireNonNull(ipv6Mode, "ipv6Mode");
        if (mtu != 0 && (mtu < MIN_MTU || mtu > MAX_MTU)) {
            throw new IllegalArgumentException("mtu out of range: " + mtu);
        }
    }

    /**
     * Parses the {@code Options} object of a CreateNetwork request.
     *
     * @throws DriverException with {@link Reason#BAD_REQUEST} naming the option and what it accepts when a value is
     *     invalid
     */
    public static NetworkOptions parse(Map<String, Object> options) {
        Map<String, String> generic = genericOptions(options.get(OptionKeys.GENERIC));
        return new NetworkOptions(
                generic,
                flag(options, OptionKeys.ENABLE_IPV6),
                flag(options, OptionKeys.INTERNAL),
                mtu(generic.get(OptionKeys.MTU)).orElse(0),
                bridgeName(generic).orElse(""),
                bool(generic, OptionKeys.ENABLE_ICC),
                bool(generic, OptionKeys.ENABLE_IP_MASQUERADE),
                hostBindingIp(generic.get(OptionKeys.HOST_BINDING_IPV4)),
                gatewayMode(generic, OptionKeys.GATEWAY_MODE_IPV4),
                gatewayMode(generic, OptionKeys.GATEWAY_MODE_IPV6));
    }

    /** Returns the MTU, if the user set one. */
    public OptionalInt mtuIfSet() {
        return mtu == 0 ? OptionalInt.empty() : OptionalInt.of(mtu);
    }

    /** Returns how the network treats traffic, for the dataplane. */
    public Traffic traffic() {
        return new Traffic(internal, icc, masquerade, ipv4Mode, ipv6Mode);
    }

    private static Map<String, String> genericOptions(@Nullable Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw badOption(OptionKeys.GENERIC, "must be an object of strings");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof String text)) {
                throw badOption(OptionKeys.GENERIC, "value of \"" + entry.getKey() + "\" must be a string");
            }
            result.put(String.valueOf(entry.getKey()), text);
        }
        return result;
    }

    private static boolean flag(Map<String, Object> options, String key) {
        Object value = options.get(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw badOption(key, "must be true or false, got " + value);
    }

    /** Parses a boolean of the bridge driver, absent meaning true, as Go's ParseBool does. */
    private static boolean bool(Map<String, String> generic, String key) {
        String value = generic.get(key);
        if (value == null) {
            return true;
        }
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        throw badOption(key, "\"" + value + "\" is not a boolean; use " + BOOLEANS);
    }

    private static OptionalInt mtu(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        int mtu;
        try {
            mtu = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw badOption(OptionKeys.MTU, "\"" + value + "\" is not a number");
        }
        if (mtu == 0) {
            return OptionalInt.empty(); // Docker's "0 means the default"
        }
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw badOption(OptionKeys.MTU, "\"" + value + "\" is outside " + MIN_MTU + ".." + MAX_MTU
                    + " (0 means the default, 1500)");
        }
        return OptionalInt.of(mtu);
    }

    /** Returns the bridge name of Docker's key or mdnp's older one; both given must agree. */
    private static Optional<String> bridgeName(Map<String, String> generic) {
        String docker = generic.get(OptionKeys.BRIDGE_NAME);
        String mdnp = generic.get(OptionKeys.MDNP_BRIDGE_NAME);
        if (docker != null && mdnp != null && !docker.equals(mdnp)) {
            throw badOption(OptionKeys.BRIDGE_NAME, "\"" + docker + "\" differs from " + OptionKeys.MDNP_BRIDGE_NAME
                    + " \"" + mdnp + "\"; give one of the two");
        }
        String key = docker != null ? OptionKeys.BRIDGE_NAME : OptionKeys.MDNP_BRIDGE_NAME;
        String value = docker != null ? docker : mdnp;
        if (value == null) {
            return Optional.empty();
        }
        if (!IfNames.isValid(value)) {
            throw badOption(key, "\"" + value + "\" is not a valid interface name"
                    + " (1-" + MAX_IFNAME_BYTES + " letters, digits, '_', '.' or '-', not starting with '.' or '-')");
        }
        if (IfNames.isReservedForVeths(value)) {
            throw badOption(key, "\"" + value + "\" starts like the names of mdnp's veths"
                    + " (mdnph..., mdnpc...); choose another name");
        }
        return Optional.of(value);
    }

    private static String hostBindingIp(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        try {
            return IpPrefix.literal(value).getHostAddress();
        } catch (IllegalArgumentException e) {
            throw badOption(OptionKeys.HOST_BINDING_IPV4, "\"" + value + "\" is not an IP address");
        }
    }

    private static GatewayMode gatewayMode(Map<String, String> generic, String key) {
        String value = generic.get(key);
        if (value == null || value.isEmpty()) {
            return GatewayMode.NAT;
        }
        return switch (value) {
            case "nat" -> GatewayMode.NAT;
            case "routed" -> GatewayMode.ROUTED;
            default -> throw badOption(key, "\"" + value + "\" is not a gateway mode; use nat or routed");
        };
    }

    private static DriverException badOption(String key, String problem) {
        return new DriverException(Reason.BAD_REQUEST, "invalid option " + key + ": " + problem);
    }
}
