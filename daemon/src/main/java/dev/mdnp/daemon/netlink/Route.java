package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * A unicast route of the main table, as {@code ip route} shows it: {@code default via 10.0.0.1 dev #7} or
 * {@code 10.0.0.0/24 dev #7}.
 *
 * @param destination  the destination prefix; {@code 0.0.0.0} or {@code ::} with length 0 for a default route
 * @param prefixLength the destination's prefix length
 * @param gateway      the next hop ({@code RTA_GATEWAY}), of the destination's family; null for a directly attached
 *                     destination
 * @param linkIndex    the output link ({@code RTA_OIF}); 0 lets the kernel pick the link from the gateway
 */
public record Route(InetAddress destination, int prefixLength, @Nullable InetAddress gateway, int linkIndex) {

    /** Checks the prefix length and that gateway and destination have one family. */
    public Route {
        requireNonNull(destination, "destination");
        IpFamily family = IpFamily.of(destination);
        if (prefixLength < 0 || prefixLength > family.maxPrefixLength()) {
            throw new IllegalArgumentException("prefix length must be 0.." + family.maxPrefixLength() + ", got "
                    + prefixLength);
        }
        if (gateway != null && IpFamily.of(gateway) != family) {
            throw new IllegalArgumentException("gateway " + gateway.getHostAddress() + " is not of the family of "
                    + destination.getHostAddress());
        }
        if (linkIndex < 0) {
            throw new IllegalArgumentException("link index must not be negative, got " + linkIndex);
        }
        if (gateway == null && linkIndex == 0) {
            throw new IllegalArgumentException("a route needs a gateway or a link");
        }
    }

    /** Returns the default route through {@code gateway}, of its family: {@code ip route add default via GW}. */
    public static Route defaultVia(InetAddress gateway) {
        return new Route(anyAddress(IpFamily.of(gateway)), 0, gateway, 0);
    }

    /** Returns the address family. */
    public IpFamily family() {
        return IpFamily.of(destination);
    }

    /** Returns whether this is a default route (prefix length 0). */
    public boolean isDefault() {
        return prefixLength == 0;
    }

    /** Returns the unspecified address of a family, {@code 0.0.0.0} or {@code ::}. */
    static InetAddress anyAddress(IpFamily family) {
        try {
            return InetAddress.getByAddress(new byte[family.bytes()]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a zero address has a valid length", e);
        }
    }

    /** Returns the route as {@code ip route} prints it, with the link as {@code #index}. */
    @Override
    public String toString() {
        String target = isDefault() ? "default" : destination.getHostAddress() + "/" + prefixLength;
        String via = gateway == null ? "" : " via " + gateway.getHostAddress();
        String dev = linkIndex == 0 ? "" : " dev #" + linkIndex;
        return target + via + dev;
    }
}
