package dev.mdnp.daemon.netlink.wire;

import org.jspecify.annotations.Nullable;

/**
 * The request messages of route operations in the main table, built but not sent. Addresses are raw network-order
 * bytes of the family's length; a prefix length of 0 is a default route and sends no {@code RTA_DST}; an output
 * index of 0 sends no {@code RTA_OIF}. Each method names the {@code ip} command whose request it equals.
 */
public final class RouteMessages {

    private RouteMessages() {
    }

    /**
     * {@code ip route add DST/LEN [via GW] [dev #OIF]}: RTM_NEWROUTE, REQUEST|ACK|CREATE|EXCL,
     * {@code rtmsg{family, LEN, table main, proto boot, scope universe (link without a gateway), unicast}},
     * {@code [RTA_DST], [RTA_GATEWAY], [RTA_OIF]}.
     */
    public static MessageBuilder add(int family, byte[] destination, int prefixLength, byte @Nullable [] gateway,
            int outIndex) {
        int scope = gateway == null ? Rt.SCOPE_LINK : Rt.SCOPE_UNIVERSE;
        RtMsg header = new RtMsg(family, prefixLength, 0, 0, Rt.TABLE_MAIN, Rt.PROT_BOOT, scope, Rt.RTN_UNICAST, 0);
        return route(new MessageBuilder(Rtm.NEWROUTE, NlmF.REQUEST | NlmF.ACK | NlmF.CREATE | NlmF.EXCL), header,
                destination, gateway, outIndex);
    }

    /**
     * {@code ip route del DST/LEN [via GW] [dev #OIF]}: RTM_DELROUTE, REQUEST|ACK,
     * {@code rtmsg{family, LEN, table main, proto unspec, scope nowhere, type unspec}} (the "match any" values
     * {@code ip} sends), {@code [RTA_DST], [RTA_GATEWAY], [RTA_OIF]}.
     */
    public static MessageBuilder delete(int family, byte[] destination, int prefixLength, byte @Nullable [] gateway,
            int outIndex) {
        RtMsg header = new RtMsg(family, prefixLength, 0, 0, Rt.TABLE_MAIN, Rt.PROT_UNSPEC, Rt.SCOPE_NOWHERE,
                Rt.RTN_UNSPEC, 0);
        return route(new MessageBuilder(Rtm.DELROUTE, NlmF.REQUEST | NlmF.ACK), header, destination, gateway,
                outIndex);
    }

    /** {@code ip [-6] route show table all}: RTM_GETROUTE, REQUEST|DUMP, {@code rtmsg{family}}. */
    public static MessageBuilder dump(int family) {
        return new MessageBuilder(Rtm.GETROUTE, NlmF.REQUEST | NlmF.DUMP)
                .struct(new RtMsg(family, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    private static MessageBuilder route(MessageBuilder message, RtMsg header, byte[] destination,
            byte @Nullable [] gateway, int outIndex) {
        message.struct(header);
        if (header.dstLength() != 0) {
            message.bytes(Rta.DST, destination);
        }
        if (gateway != null) {
            message.bytes(Rta.GATEWAY, gateway);
        }
        if (outIndex != 0) {
            message.u32(Rta.OIF, outIndex);
        }
        return message;
    }
}
