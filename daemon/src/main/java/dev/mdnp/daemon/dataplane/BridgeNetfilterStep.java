package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes bridged frames pass iptables ({@code sysctl net.bridge.bridge-nf-call-iptables=1}, and {@code -ip6tables}
 * for IPv6), which a network without ICC needs: its rule that keeps containers apart sees traffic between two ports of
 * one bridge only then. Docker's bridge driver does the same for {@code enable_icc=false}. Already on is already
 * done; a kernel without br_netfilter fails with what to do. Undo leaves it on, as Docker does: other networks'
 * rules count on it by then (mdnp's accept their bridged traffic explicitly).
 */
final class BridgeNetfilterStep implements Step {

    private static final Logger log = LoggerFactory.getLogger(BridgeNetfilterStep.class);
    private static final String ON = "1";

    private final boolean ipv6;

    BridgeNetfilterStep(boolean ipv6) {
        this.ipv6 = ipv6;
    }

    @Override
    public String operation() {
        return "enable br_netfilter";
    }

    @Override
    public String target() {
        return ipv6 ? "ipv4, ipv6" : "ipv4";
    }

    @Override
    public void apply(RtNetlink rtnl) {
        OwnNamespace.require(rtnl, operation());
        List<Sysctl> settings = ipv6
                ? List.of(Sysctl.BRIDGE_CALLS_IPTABLES, Sysctl.BRIDGE_CALLS_IP6TABLES)
                : List.of(Sysctl.BRIDGE_CALLS_IPTABLES);
        for (Sysctl setting : settings) {
            if (!setting.exists()) {
                throw new SysctlException(setting.name() + " is missing: the br_netfilter module is not loaded, and a"
                        + " network with enable_icc=false needs it; run `modprobe br_netfilter` (and add br_netfilter"
                        + " to /etc/modules)", null);
            }
            if (!setting.read().equals(ON)) {
                setting.write(ON);
                log.info("enabled iptables for bridged traffic, as networks without ICC need: {}={}", setting.name(),
                        ON);
            }
        }
    }

    @Override
    public void undo(RtNetlink rtnl) {
        requireNonNull(rtnl, "rtnl"); // stays on: see the class comment
    }
}
