package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.wire.RouteMessages;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Operations on unicast routes of the main table, reached through {@link RtNetlink#routes()}. Each names the
 * {@code ip} command it equals and the message it sends. Kernel refusals throw {@link NetlinkException}:
 * {@code EEXIST} for a route that exists, {@code ESRCH} for deleting one that does not, {@code ENETUNREACH} for a
 * gateway no link reaches.
 *
 * <p>Thread-safe: requests of all threads go through the handle's one socket, one at a time.
 */
public final class RouteOps {

    private final Exchange exchange;

    RouteOps(Exchange exchange) {
        this.exchange = requireNonNull(exchange, "exchange");
    }

    /**
     * Adds a route: {@code ip route add DST/LEN [via GW] [dev LINK]} ({@code ip route add default via GW} for
     * {@link Route#defaultVia}). RTM_NEWROUTE, {@code NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL}, table main,
     * protocol boot, {@code [RTA_DST], [RTA_GATEWAY], [RTA_OIF]}.
     */
    public void add(Route route) {
        exchange.ack("add route " + route, RouteMessages.add(route.family().code(),
                route.destination().getAddress(), route.prefixLength(), raw(route.gateway()), route.linkIndex()));
    }

    /**
     * Deletes a route: {@code ip route del DST/LEN [via GW] [dev LINK]}. RTM_DELROUTE, {@code NLM_F_REQUEST|NLM_F_ACK},
     * table main, any protocol, scope and type.
     */
    public void delete(Route route) {
        exchange.ack("delete route " + route, RouteMessages.delete(route.family().code(),
                route.destination().getAddress(), route.prefixLength(), raw(route.gateway()), route.linkIndex()));
    }

    /**
     * Returns the unicast routes of the main table for one family: {@code ip [-6] route show}. RTM_GETROUTE,
     * {@code NLM_F_DUMP}; other tables (such as {@code local}) and types are filtered out here.
     */
    public List<Route> list(IpFamily family) {
        return exchange.dump("list " + family.name().toLowerCase(Locale.ROOT) + " routes",
                RouteMessages.dump(family.code()), RouteParser::parse);
    }

    private static byte @Nullable [] raw(@Nullable InetAddress address) {
        return address == null ? null : address.getAddress();
    }
}
