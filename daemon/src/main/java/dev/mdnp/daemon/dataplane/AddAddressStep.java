package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.Address;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.RtNetlink;
import java.util.Optional;

/**
 * Puts a gateway address on a link ({@code ip addr add ADDR/LEN dev LINK}); undo removes it. Gone looks like a
 * missing link or address.
 */
final class AddAddressStep implements Step {

    private final String link;
    private final IpPrefix address;

    AddAddressStep(String link, IpPrefix address) {
        this.link = requireNonNull(link, "link");
        this.address = requireNonNull(address, "address");
    }

    @Override
    public String operation() {
        return "add address " + address;
    }

    @Override
    public String target() {
        return link;
    }

    @Override
    public void apply(RtNetlink rtnl) {
        rtnl.addresses().add(on(rtnl.links().get(link).orElseThrow(() -> Links.missing(link, operation()))));
    }

    @Override
    public void undo(RtNetlink rtnl) {
        Optional<Link> present = rtnl.links().get(link);
        present.ifPresent(l -> Gone.tolerate(() -> rtnl.addresses().delete(on(l))));
    }

    private Address on(Link l) {
        return new Address(l.index(), address.address(), address.prefixLength());
    }
}
