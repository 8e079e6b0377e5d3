package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns on forwarding for one address family ({@code sysctl net.ipv4.ip_forward=1}, or
 * {@code net.ipv6.conf.all.forwarding=1} and {@code default}), which a network that reaches beyond the host needs,
 * and logs it when it was off, as Docker does. Already on is already done. Undo leaves forwarding on, as Docker does:
 * the host's other networks may rely on it by then, and mdnp cannot tell whether anyone else turned it on.
 */
final class ForwardingStep implements Step {

    private static final Logger log = LoggerFactory.getLogger(ForwardingStep.class);
    private static final String ON = "1";

    private final boolean ipv6;

    ForwardingStep(boolean ipv6) {
        this.ipv6 = ipv6;
    }

    @Override
    public String operation() {
        return "enable forwarding";
    }

    @Override
    public String target() {
        return ipv6 ? "ipv6" : "ipv4";
    }

    @Override
    public void apply(RtNetlink rtnl) {
        OwnNamespace.require(rtnl, operation());
        List<Sysctl> settings = ipv6 ? List.of(Sysctl.IPV6_FORWARDING_ALL, Sysctl.IPV6_FORWARDING_DEFAULT)
                : List.of(Sysctl.IPV4_FORWARDING);
        for (Sysctl setting : settings) {
            if (!setting.read().equals(ON)) {
                setting.write(ON);
                log.info("enabled forwarding for mdnp's networks: {}={}", setting.name(), ON);
            }
        }
    }

    @Override
    public void undo(RtNetlink rtnl) {
        requireNonNull(rtnl, "rtnl"); // forwarding stays on: see the class comment
    }
}
