package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.MacAddress;
import dev.mdnp.daemon.netlink.RtNetlink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Creates a network's bridge with its MTU and MAC address in the daemon's device group ({@code ip link add NAME
 * [mtu M] address MAC group G type bridge}) and names the daemon in its alias; undo deletes it, which also detaches
 * its ports, but only while it is in the daemon's groups: a link of the same name that another daemon (or anyone)
 * made is left alone. Gone looks like ENODEV.
 *
 * <p>The MAC is set, as Docker's bridge driver sets one, so that the gateway's address never changes: a bridge
 * without one takes the lowest MAC of its ports, and the containers that cached the old one lose their gateway for
 * half a minute whenever a container with a lower MAC starts or the one with the lowest stops. It is derived from the
 * bridge's name, so that a bridge rebuilt at a restore has the MAC the containers know.
 */
final class CreateBridgeStep implements Step {

    private static final int MAC_OCTETS = 6;
    private static final int MULTICAST = 0x01;
    private static final int LOCALLY_ADMINISTERED = 0x02;

    private final String bridge;
    private final int mtu;
    private final Ownership ownership;

    CreateBridgeStep(String bridge, int mtu, Ownership ownership) {
        this.bridge = requireNonNull(bridge, "bridge");
        this.mtu = mtu;
        this.ownership = requireNonNull(ownership, "ownership");
    }

    @Override
    public String operation() {
        return "create bridge";
    }

    @Override
    public String target() {
        return bridge;
    }

    @Override
    public void apply(RtNetlink rtnl) {
        rtnl.links().createBridge(bridge, Math.max(mtu, 0), ownership.group(), macOf(bridge));
        rtnl.links().setAlias(bridge, ownership.alias());
    }

    @Override
    public void undo(RtNetlink rtnl) {
        Optional<Link> link = rtnl.links().get(bridge);
        if (link.isPresent() && ownership.owns(link.get().group())) {
            Gone.tolerate(() -> rtnl.links().delete(link.get().index()));
        }
    }

    /** Returns the MAC of the bridge named {@code bridge}: locally administered, unicast, from a hash of the name. */
    static MacAddress macOf(String bridge) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(("mdnp bridge " + bridge)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] mac = new byte[MAC_OCTETS];
        System.arraycopy(digest, 0, mac, 0, MAC_OCTETS);
        mac[0] = (byte) ((mac[0] & ~MULTICAST) | LOCALLY_ADMINISTERED);
        return MacAddress.of(mac);
    }
}
