package dev.mdnp.daemon.netlink;

import dev.mdnp.daemon.netlink.wire.Af;
import dev.mdnp.daemon.netlink.wire.AttrReader;
import dev.mdnp.daemon.netlink.wire.NlMessage;
import dev.mdnp.daemon.netlink.wire.Rt;
import dev.mdnp.daemon.netlink.wire.Rta;
import dev.mdnp.daemon.netlink.wire.RtMsg;
import dev.mdnp.daemon.netlink.wire.Rtm;
import java.net.InetAddress;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns RTM_NEWROUTE messages into {@link Route} values. */
final class RouteParser {

    private RouteParser() {
    }

    /**
     * Returns the route a message describes when it is a unicast route of the main table with a gateway or an output
     * link; empty otherwise (other tables such as {@code local}, other types, multipath routes).
     */
    static Optional<Route> parse(NlMessage message) {
        if (message.type() != Rtm.NEWROUTE) {
            return Optional.empty();
        }
        RtMsg header = RtMsg.decode(message.payload(), 0);
        if ((header.family() != Af.INET && header.family() != Af.INET6) || header.type() != Rt.RTN_UNICAST) {
            return Optional.empty();
        }
        IpFamily family = header.family() == Af.INET ? IpFamily.IPV4 : IpFamily.IPV6;
        int table = header.table();
        InetAddress destination = Route.anyAddress(family);
        @Nullable InetAddress gateway = null;
        int outIndex = 0;
        AttrReader attrs = message.attributes(RtMsg.LENGTH);
        while (attrs.next()) {
            switch (attrs.type()) {
                case Rta.DST -> destination = AddressParser.inet(attrs.bytes());
                case Rta.GATEWAY -> gateway = AddressParser.inet(attrs.bytes());
                case Rta.OIF -> outIndex = attrs.u32();
                case Rta.TABLE -> table = attrs.u32();
                default -> {
                    // metrics, preferred source, cache info and the like are not part of Route
                }
            }
        }
        if (table != Rt.TABLE_MAIN || (gateway == null && outIndex == 0)) {
            return Optional.empty();
        }
        return Optional.of(new Route(destination, header.dstLength(), gateway, outIndex));
    }
}
