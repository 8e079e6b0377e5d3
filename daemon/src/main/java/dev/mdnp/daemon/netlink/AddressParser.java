package dev.mdnp.daemon.netlink;

import dev.mdnp.daemon.netlink.wire.Af;
import dev.mdnp.daemon.netlink.wire.AttrReader;
import dev.mdnp.daemon.netlink.wire.IfAddrMsg;
import dev.mdnp.daemon.netlink.wire.Ifa;
import dev.mdnp.daemon.netlink.wire.NlMessage;
import dev.mdnp.daemon.netlink.wire.Rtm;
import dev.mdnp.daemon.netlink.wire.WireFormatException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns RTM_NEWADDR messages into {@link Address} values. */
final class AddressParser {

    private AddressParser() {
    }

    /**
     * Returns the address a message describes; empty for another message type or family. {@code IFA_LOCAL} (the
     * link's own IPv4 address) wins over {@code IFA_ADDRESS} (the prefix, or the peer on point-to-point links).
     */
    static Optional<Address> parse(NlMessage message) {
        if (message.type() != Rtm.NEWADDR) {
            return Optional.empty();
        }
        IfAddrMsg header = IfAddrMsg.decode(message.payload(), 0);
        if (header.family() != Af.INET && header.family() != Af.INET6) {
            return Optional.empty();
        }
        byte @Nullable [] local = null;
        byte @Nullable [] address = null;
        AttrReader attrs = message.attributes(IfAddrMsg.LENGTH);
        while (attrs.next()) {
            if (attrs.type() == Ifa.LOCAL) {
                local = attrs.bytes();
            } else if (attrs.type() == Ifa.ADDRESS) {
                address = attrs.bytes();
            }
        }
        byte @Nullable [] chosen = local != null ? local : address;
        if (chosen == null) {
            return Optional.empty();
        }
        return Optional.of(new Address(header.index(), inet(chosen), header.prefixLength()));
    }

    /** Returns the address of 4 or 16 raw bytes. */
    static InetAddress inet(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new WireFormatException("an address of " + raw.length + " bytes");
        }
    }
}
