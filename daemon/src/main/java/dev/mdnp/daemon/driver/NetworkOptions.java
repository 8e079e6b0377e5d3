package dev.mdnp.daemon.driver;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.model.cnm.OptionKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The options of one network, parsed once from {@code CreateNetwork.Options} (cnm-remote-api.md §2.2, §4).
 *
 * @param generic the user's {@code -o k=v} options, unchanged
 * @param enableIpv6 whether the network was created with {@code --ipv6}
 * @param internal whether the network was created with {@code --internal}
 * @param mtu the MTU from {@code com.docker.network.driver.mtu}, or 0 when not given
 * @param bridgeName the bridge name from {@code dev.mdnp.bridge.name}, or "" when not given
 */
public record NetworkOptions(
        Map<String, String> generic, boolean enableIpv6, boolean internal, int mtu, String bridgeName) {

    /** The smallest MTU Linux accepts for an IPv4 interface. */
    public static final int MIN_MTU = 68;
    /** The largest MTU of a Linux bridge or veth. */
    public static final int MAX_MTU = 65535;
    /** Linux interface names are at most this many bytes (IFNAMSIZ - 1). */
    public static final int MAX_IFNAME_BYTES = 15;

    /** Validates the components and copies the map. */
    public NetworkOptions {
        generic = Map.copyOf(generic);
        requireNonNull(bridgeName, "bridgeName");
        if (mtu != 0 && (mtu < MIN_MTU || mtu > MAX_MTU)) {
            throw new IllegalArgumentException("mtu out of range: " + mtu);
        }
    }

    /**
     * Parses the {@code Options} object of a CreateNetwork request.
     *
     * @throws DriverException with {@link Reason#BAD_REQUEST} naming the option when a value is invalid
     */
    public static NetworkOptions parse(Map<String, Object> options) {
        Map<String, String> generic = genericOptions(options.get(OptionKeys.GENERIC));
        return new NetworkOptions(
                generic,
                flag(options, OptionKeys.ENABLE_IPV6),
                flag(options, OptionKeys.INTERNAL),
                mtu(generic.get(OptionKeys.MTU)).orElse(0),
                bridgeName(generic.get(OptionKeys.BRIDGE_NAME)).orElse(""));
    }

    /** Returns the MTU, if the user set one. */
    public OptionalInt mtuIfSet() {
        return mtu == 0 ? OptionalInt.empty() : OptionalInt.of(mtu);
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
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw badOption(OptionKeys.MTU, mtu + " is outside " + MIN_MTU + ".." + MAX_MTU);
        }
        return OptionalInt.of(mtu);
    }

    private static Optional<String> bridgeName(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!IfNames.isValid(value)) {
            throw badOption(OptionKeys.BRIDGE_NAME, "\"" + value + "\" is not a valid interface name"
                    + " (1-" + MAX_IFNAME_BYTES + " letters, digits, '_', '.' or '-', not starting with '.' or '-')");
        }
        if (IfNames.isReservedForVeths(value)) {
            throw badOption(OptionKeys.BRIDGE_NAME, "\"" + value + "\" starts like the names of mdnp's veths"
                    + " (mdnph..., mdnpc...); choose another name");
        }
        return Optional.of(value);
    }

    private static DriverException badOption(String key, String problem) {
        return new DriverException(Reason.BAD_REQUEST, "invalid option " + key + ": " + problem);
    }
}
