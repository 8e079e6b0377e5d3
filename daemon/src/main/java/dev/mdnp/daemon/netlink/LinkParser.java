package dev.mdnp.daemon.netlink;

import dev.mdnp.daemon.netlink.wire.AttrReader;
import dev.mdnp.daemon.netlink.wire.IfInfoMsg;
import dev.mdnp.daemon.netlink.wire.Iff;
import dev.mdnp.daemon.netlink.wire.Ifla;
import dev.mdnp.daemon.netlink.wire.IflaInfo;
import dev.mdnp.daemon.netlink.wire.NlMessage;
import dev.mdnp.daemon.netlink.wire.Rtm;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns RTM_NEWLINK and RTM_DELLINK messages (replies and events) into {@link Link} values. */
final class LinkParser {

    private static final int MAC_BYTES = 6;

    private LinkParser() {
    }

    /** Returns the link a message describes, or empty for a message of another type. */
    static Optional<Link> parse(NlMessage message) {
        if (message.type() != Rtm.NEWLINK && message.type() != Rtm.DELLINK) {
            return Optional.empty();
        }
        IfInfoMsg info = IfInfoMsg.decode(message.payload(), 0);
        Fields fields = new Fields();
        AttrReader attrs = message.attributes(IfInfoMsg.LENGTH);
        while (attrs.next()) {
            fields.read(attrs);
        }
        LinkAttrs common = new LinkAttrs(info.index(), fields.name, fields.mtu, fields.mac, fields.master,
                (info.flags() & Iff.UP) != 0, OperState.of(fields.operState), fields.stats, fields.alias,
                fields.group);
        switch (fields.kind) {
            case IflaInfo.KIND_BRIDGE:
                return Optional.of(new BridgeLink(common));
            case IflaInfo.KIND_VETH:
                return Optional.of(new VethLink(common, fields.peerInAnotherNamespace ? 0 : fields.link));
            default:
                return Optional.of(new OtherLink(common, fields.kind));
        }
    }

    /** The attributes of one message as they are read; defaults for those the kernel left out. */
    private static final class Fields {
        private String name = "";
        private int mtu;
        private @Nullable MacAddress mac;
        private int master;
        private int link;
        private boolean peerInAnotherNamespace;
        private int operState;
        private LinkStats stats = LinkStats.NONE;
        private String kind = "";
        private String alias = "";
        private int group;

        void read(AttrReader attr) {
            switch (attr.type()) {
                case Ifla.IFNAME -> name = attr.string();
                case Ifla.MTU -> mtu = attr.u32();
                case Ifla.ADDRESS -> mac = attr.length() == MAC_BYTES ? MacAddress.of(attr.bytes()) : null;
                case Ifla.MASTER -> master = attr.u32();
                case Ifla.LINK -> link = attr.u32();
                case Ifla.LINK_NETNSID -> peerInAnotherNamespace = true;
                case Ifla.OPERSTATE -> operState = attr.u8();
                case Ifla.STATS64 -> stats = new LinkStats(attr.u64At(0), attr.u64At(1), attr.u64At(2),
                        attr.u64At(3));
                case Ifla.IFALIAS -> alias = attr.string();
                case Ifla.GROUP -> group = attr.u32();
                case Ifla.LINKINFO -> kind = kindOf(attr.nested());
                default -> {
                    // other attributes are not part of the Link values
                }
            }
        }

        private static String kindOf(AttrReader info) {
            while (info.next()) {
                if (info.type() == IflaInfo.KIND) {
                    return info.string();
                }
            }
            return "";
        }
    }
}
