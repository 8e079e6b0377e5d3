package dev.mdnp.daemon.dataplane.firewall;

import java.util.ArrayList;
import java.util.List;

/**
 * The networks and published ports the firewall's goldens and kernel tests share, one per behaviour of Docker's bridge
 * driver mdnp reproduces; each has its own bridge and subnets, so that all of them fit in one namespace at once.
 * Addresses are written as a user might (upper case, zeros spelled out), so that a test also sees them canonicalised.
 */
final class FirewallVariants {

    /** The daemon the tests' firewalls belong to; its networks' rules are tagged {@code mdnp:test:BRIDGE}. */
    static final String INSTANCE = "test";

    private FirewallVariants() {
    }

    /** Returns the comment the tests' firewall tags the network's rules with. */
    static String tag(NetworkRules network) {
        return RuleTable.tag(INSTANCE, network.bridge());
    }

    /**
     * One variant: its golden's name, its network and the ports of its endpoints.
     *
     * @param name the golden's name, {@code network.<name>} or {@code ports.<name>}
     * @param network the network
     * @param ports the published ports of the network's endpoints; empty for a network variant
     */
    record Variant(String name, NetworkRules network, List<PortRules> ports) {

        Variant {
            ports = List.copyOf(ports);
        }

        /** Returns what the variant adds in one family: the network's rules, then each endpoint's. */
        List<RuleLine> rules(IpFamily family) {
            List<RuleLine> rules = new ArrayList<>(RuleTable.network(INSTANCE, network, family));
            ports.forEach(p -> rules.addAll(RuleTable.ports(INSTANCE, p, family)));
            return rules;
        }

        /** Returns the golden's name: {@code network.<name>}, or {@code ports.<name>} for a variant with ports. */
        String golden() {
            return (ports.isEmpty() ? "network." : "ports.") + name;
        }

        @Override
        public String toString() {
            return golden();
        }
    }

    static final NetworkRules DEFAULT = network("mdnpt-def", 1, false, false, true, true, GatewayMode.NAT,
            GatewayMode.NAT);
    static final NetworkRules DUAL_STACK = network("mdnpt-dual", 2, true, false, true, true, GatewayMode.NAT,
            GatewayMode.NAT);
    static final NetworkRules INTERNAL = network("mdnpt-int", 3, true, true, true, true, GatewayMode.NAT,
            GatewayMode.NAT);
    static final NetworkRules ICC_OFF = network("mdnpt-noicc", 4, true, false, false, true, GatewayMode.NAT,
            GatewayMode.NAT);
    static final NetworkRules MASQUERADE_OFF = network("mdnpt-nomasq", 5, true, false, true, false,
            GatewayMode.NAT, GatewayMode.NAT);
    static final NetworkRules ROUTED_V4 = network("mdnpt-rt4", 6, true, false, true, true, GatewayMode.ROUTED,
            GatewayMode.NAT);
    static final NetworkRules ROUTED_V6 = network("mdnpt-rt6", 7, true, false, true, true, GatewayMode.NAT,
            GatewayMode.ROUTED);
    static final NetworkRules PORTS_NAT = network("mdnpt-pnat", 8, true, false, true, true, GatewayMode.NAT,
            GatewayMode.NAT);
    static final NetworkRules PORTS_ROUTED = network("mdnpt-prt", 9, true, false, true, true, GatewayMode.ROUTED,
            GatewayMode.ROUTED);

    /** Published ports in NAT mode: every address, 127.0.0.1, one host address, udp, IPv6 everywhere and one. */
    static final PortRules NAT_PORTS = new PortRules(PORTS_NAT, "ep-nat", List.of(
            new PortMapping(Protocol.TCP, "", 8080, "10.99.8.2", 80),
            new PortMapping(Protocol.TCP, "127.0.0.1", 8081, "10.99.8.2", 80),
            new PortMapping(Protocol.UDP, "203.0.113.5", 5353, "10.99.8.2", 53),
            new PortMapping(Protocol.TCP, "", 8080, "FD99:8:0::2", 80),
            new PortMapping(Protocol.UDP, "fd99:8:0:0:0:0:0:1", 5353, "fd99:8::2", 53)));
    /** A second endpoint of the same network, so that removing one endpoint's ports keeps the other's. */
    static final PortRules NAT_PORTS_OTHER = new PortRules(PORTS_NAT, "ep-nat-2", List.of(
            new PortMapping(Protocol.TCP, "", 9090, "10.99.8.3", 90)));
    /** Published ports in routed mode: the container's ports are opened instead of DNATed. */
    static final PortRules ROUTED_PORTS = new PortRules(PORTS_ROUTED, "ep-routed", List.of(
            new PortMapping(Protocol.TCP, "", 8080, "10.99.9.2", 80),
            new PortMapping(Protocol.UDP, "", 5353, "10.99.9.2", 53),
            new PortMapping(Protocol.TCP, "", 8080, "fd99:9::2", 80)));

    /** Returns every variant, networks first. */
    static List<Variant> all() {
        return List.of(
                new Variant("default", DEFAULT, List.of()),
                new Variant("dual-stack", DUAL_STACK, List.of()),
                new Variant("internal", INTERNAL, List.of()),
                new Variant("icc-off", ICC_OFF, List.of()),
                new Variant("masquerade-off", MASQUERADE_OFF, List.of()),
                new Variant("routed-ipv4", ROUTED_V4, List.of()),
                new Variant("routed-ipv6", ROUTED_V6, List.of()),
                new Variant("nat", PORTS_NAT, List.of(NAT_PORTS, NAT_PORTS_OTHER)),
                new Variant("routed", PORTS_ROUTED, List.of(ROUTED_PORTS)));
    }

    private static NetworkRules network(String bridge, int n, boolean ipv6, boolean internal, boolean icc,
            boolean masquerade, GatewayMode ipv4Mode, GatewayMode ipv6Mode) {
        return new NetworkRules(bridge, List.of("10.99." + n + ".0/24"), ipv6 ? List.of("FD99:" + n + ":0::/64")
                : List.of(), internal, icc, masquerade, ipv4Mode, ipv6Mode);
    }
}
