package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.wire.AddrMessages;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Operations on IP addresses, reached through {@link RtNetlink#addresses()}. Each names the {@code ip} command it
 * equals and the message it sends. Kernel refusals throw {@link NetlinkException}: {@code EEXIST} for an address the
 * link already has, {@code EADDRNOTAVAIL} for deleting one it does not have, {@code ENODEV} for a missing link.
 *
 * <p>Thread-safe: requests of all threads go through the handle's one socket, one at a time.
 */
public final class AddressOps {

    private final Exchange exchange;

    AddressOps(Exchange exchange) {
        this.exchange = requireNonNull(exchange, "exchange");
    }

    /**
     * Adds an address: {@code ip addr add ADDR/LEN dev LINK}, with {@code nodad} for IPv6 so the address is usable at
     * once instead of tentative. RTM_NEWADDR, {@code NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL},
     * {@code ifaddrmsg, IFA_LOCAL, IFA_ADDRESS}.
     */
    public void add(Address address) {
        exchange.ack("add address " + address, AddrMessages.add(address.family().code(), address.linkIndex(),
                address.address().getAddress(), address.prefixLength()));
    }

    /**
     * Deletes an address: {@code ip addr del ADDR/LEN dev LINK}. RTM_DELADDR, {@code NLM_F_REQUEST|NLM_F_ACK},
     * {@code ifaddrmsg, IFA_LOCAL, IFA_ADDRESS}.
     */
    public void delete(Address address) {
        exchange.ack("delete address " + address, AddrMessages.delete(address.family().code(), address.linkIndex(),
                address.address().getAddress(), address.prefixLength()));
    }

    /** Returns every IPv4 and IPv6 address of the namespace: {@code ip addr show}. RTM_GETADDR, NLM_F_DUMP. */
    public List<Address> list() {
        return exchange.dump("list addresses", AddrMessages.dump(), AddressParser::parse);
    }

    /**
     * Returns the addresses of one link: {@code ip addr show dev LINK}. A full dump filtered here, because the kernel
     * ignores {@code ifa_index} in a dump without {@code NETLINK_GET_STRICT_CHK}.
     */
    public List<Address> list(int linkIndex) {
        return list().stream().filter(address -> address.linkIndex() == linkIndex).collect(Collectors.toList());
    }
}
