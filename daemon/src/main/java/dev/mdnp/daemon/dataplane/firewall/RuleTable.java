package dev.mdnp.daemon.dataplane.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one place that says which chains and rules mdnp owns: the base chains and the jumps into them, the rules of
 * each network and the rules of each endpoint's published ports. Every rule carries a comment naming its owner:
 * {@code mdnp} for the base, which every mdnp daemon of the host shares, and {@code mdnp:INSTANCE:BRIDGE} for a
 * network's and its endpoints' rules, so that two daemons (two plugin names) tell theirs apart.
 *
 * <p>The rules of the networks and ports are free of order among themselves: every drop lives in the isolation
 * chains, which {@link #FORWARD_CHAIN} jumps to first, and every accept in {@link #FORWARD_CHAIN} after that jump;
 * the NAT rules of different networks never match the same packet. So a network's rules can be appended and deleted
 * without touching anyone else's. Layout (per family; the raw table only for IPv4):
 * <pre>
 * filter  FORWARD            -j MDNP-FORWARD (appended)    DOCKER-USER  -j MDNP-FORWARD (before its RETURN)
 *         MDNP-FORWARD       -j MDNP-ISOLATION (first), then each network's accepts and routed ports
 *         MDNP-ISOLATION     internal, ICC and cross-network drops; Docker's bridges -> MDNP-ISOLATION-MDNP
 *         MDNP-ISOLATION-ALL -> MDNP-ISOLATION-MDNP, then drops towards Docker's bridges
 *         MDNP-ISOLATION-MDNP drops towards each mdnp bridge from any other interface
 * nat     POSTROUTING        -j MDNP-POSTROUTING           PREROUTING, OUTPUT  -m addrtype LOCAL -j MDNP-DNAT
 *         MDNP-POSTROUTING   masquerade: egress, hairpin, the host's own connections to published ports
 *         MDNP-DNAT          one DNAT per published port
 * raw     PREROUTING         -j MDNP-PREROUTING            MDNP-PREROUTING  loopback addresses never enter a bridge
 * </pre>
 */
final class RuleTable {

    static final String FILTER = "filter";
    static final String NAT = "nat";
    static final String RAW = "raw";

    /** mdnp's entry chain in the filter table, jumped to from {@code FORWARD} and {@code DOCKER-USER}. */
    static final String FORWARD_CHAIN = "MDNP-FORWARD";
    static final String ISOLATION = "MDNP-ISOLATION";
    static final String ISOLATION_ALL = "MDNP-ISOLATION-ALL";
    static final String ISOLATION_MDNP = "MDNP-ISOLATION-MDNP";
    static final String POSTROUTING_CHAIN = "MDNP-POSTROUTING";
    static final String DNAT_CHAIN = "MDNP-DNAT";
    static final String RAW_CHAIN = "MDNP-PREROUTING";
    /** Docker's chain for the user's own rules, evaluated before Docker's; mdnp's rules come right after them. */
    static final String DOCKER_USER = "DOCKER-USER";
    /** Every chain mdnp creates starts with this. */
    static final String CHAIN_PREFIX = "MDNP-";
    /** The comment of the base rules; a network's comment adds {@code :BRIDGE}. */
    static final String BASE_TAG = "mdnp";

    /** The interfaces of Docker's own bridge networks (bridge-parity.md §10 C.2). */
    private static final List<String> DOCKER_BRIDGES = List.of("docker0", "br-+", "docker_gwbridge");
    private static final List<String> NOT_DNAT = List.of("-m", "conntrack", "!", "--ctstate", "DNAT");

    private RuleTable() {
    }

    /** Returns mdnp's chains of one family, per table, in the order they are created. */
    static List<ChainName> chains(IpFamily family) {
        List<ChainName> chains = new ArrayList<>(List.of(
                new ChainName(FILTER, FORWARD_CHAIN), new ChainName(FILTER, ISOLATION),
                new ChainName(FILTER, ISOLATION_ALL), new ChainName(FILTER, ISOLATION_MDNP),
                new ChainName(NAT, POSTROUTING_CHAIN), new ChainName(NAT, DNAT_CHAIN)));
        if (family == IpFamily.IPV4) {
            chains.add(new ChainName(RAW, RAW_CHAIN));
        }
        return chains;
    }

    /**
     * Returns the base rules of one family: the jumps into mdnp's chains and the isolation from Docker's bridges.
     *
     * @param dockerUser whether the filter table has Docker's {@code DOCKER-USER} chain, which then jumps to mdnp too
     */
    static List<RuleLine> base(IpFamily family, boolean dockerUser) {
        List<RuleLine> base = new ArrayList<>();
        base.add(tagged(FILTER, "FORWARD", List.of(), BASE_TAG, FORWARD_CHAIN));
        if (dockerUser) {
            base.add(placed(tagged(FILTER, DOCKER_USER, List.of(), BASE_TAG, FORWARD_CHAIN),
                    RuleLine.Placement.BEFORE_RETURN));
        }
        base.add(placed(tagged(FILTER, FORWARD_CHAIN, List.of(), BASE_TAG, ISOLATION), RuleLine.Placement.FIRST));
        for (String docker : DOCKER_BRIDGES) {
            base.add(tagged(FILTER, ISOLATION, concat(List.of("-i", docker), NOT_DNAT), BASE_TAG, ISOLATION_MDNP));
        }
        base.add(tagged(FILTER, ISOLATION_ALL, List.of(), BASE_TAG, ISOLATION_MDNP));
        for (String docker : DOCKER_BRIDGES) {
            base.add(tagged(FILTER, ISOLATION_ALL, List.of("-o", docker), BASE_TAG, "DROP"));
        }
        base.add(tagged(NAT, "POSTROUTING", List.of(), BASE_TAG, POSTROUTING_CHAIN));
        List<String> local = List.of("-m", "addrtype", "--dst-type", "LOCAL");
        base.add(tagged(NAT, "PREROUTING", local, BASE_TAG, DNAT_CHAIN));
        base.add(tagged(NAT, "OUTPUT", local, BASE_TAG, DNAT_CHAIN));
        if (family == IpFamily.IPV4) {
            base.add(tagged(RAW, "PREROUTING", List.of(), BASE_TAG, RAW_CHAIN));
        }
        return List.copyOf(base);
    }

    /** Returns the rules one network gets in one family; none in IPv6 for a network without IPv6. */
    static List<RuleLine> network(String instance, NetworkRules network, IpFamily family) {
        if (family == IpFamily.IPV6 && !network.ipv6()) {
            return List.of();
        }
        String br = network.bridge();
        String tag = tag(instance, br);
        List<RuleLine> rules = new ArrayList<>();
        if (network.internal()) {
            rules.add(tagged(FILTER, ISOLATION, List.of("-i", br, "!", "-o", br), tag, "DROP"));
            rules.add(tagged(FILTER, ISOLATION, List.of("!", "-i", br, "-o", br), tag, "DROP"));
        } else {
            rules.add(tagged(FILTER, ISOLATION, concat(List.of("-i", br, "!", "-o", br), NOT_DNAT), tag,
                    ISOLATION_ALL));
        }
        if (!network.icc()) {
            rules.add(tagged(FILTER, ISOLATION, concat(List.of("-i", br, "-o", br), NOT_DNAT), tag, "DROP"));
        }
        // never the bridge's own traffic, which a bridge named like Docker's (br-...) sends through this chain too
        rules.add(tagged(FILTER, ISOLATION_MDNP, List.of("!", "-i", br, "-o", br), tag, "DROP"));
        if (network.icc()) {
            rules.add(tagged(FILTER, FORWARD_CHAIN, List.of("-i", br, "-o", br), tag, "ACCEPT"));
        }
        if (!network.internal()) {
            rules.add(tagged(FILTER, FORWARD_CHAIN, List.of("-o", br, "-m", "conntrack", "--ctstate",
                    "RELATED,ESTABLISHED"), tag, "ACCEPT"));
            rules.add(tagged(FILTER, FORWARD_CHAIN, List.of("-o", br, "-m", "conntrack", "--ctstate", "DNAT"), tag,
                    "ACCEPT"));
            rules.add(tagged(FILTER, FORWARD_CHAIN, List.of("-i", br, "!", "-o", br), tag, "ACCEPT"));
            if (network.mode(family) == GatewayMode.NAT) {
                rules.addAll(nat(tag, network, family));
            }
        }
        return List.copyOf(rules);
    }

    /** Returns the rules of an endpoint's published ports in one family. */
    static List<RuleLine> ports(String instance, PortRules ports, IpFamily family) {
        NetworkRules network = ports.network();
        String tag = tag(instance, network.bridge());
        List<RuleLine> rules = new ArrayList<>();
        for (PortMapping mapping : ports.mappings()) {
            if (mapping.family() != family) {
                continue;
            }
            String proto = mapping.protocol().iptablesName();
            if (network.mode(family) == GatewayMode.ROUTED) {
                rules.add(tagged(FILTER, FORWARD_CHAIN, List.of("-d", host(mapping.containerIp()), "-o",
                        network.bridge(), "-p", proto, "-m", proto, "--dport",
                        Integer.toString(mapping.containerPort())), tag, "ACCEPT"));
            } else {
                List<String> matches = new ArrayList<>();
                if (!mapping.hostIp().isEmpty()) {
                    matches.addAll(List.of("-d", host(mapping.hostIp())));
                }
                matches.addAll(List.of("-p", proto, "-m", proto, "--dport", Integer.toString(mapping.hostPort())));
                rules.add(tagged(NAT, DNAT_CHAIN, matches, tag, "DNAT", "--to-destination",
                        destination(mapping)));
            }
        }
        return List.copyOf(rules);
    }

    /**
     * Returns the comment that marks a rule as belonging to the network on {@code bridge} of the mdnp daemon named
     * {@code instance}: {@code mdnp:INSTANCE:BRIDGE}.
     */
    static String tag(String instance, String bridge) {
        return BASE_TAG + ":" + instance + ":" + bridge;
    }

    /**
     * Returns the bridge a rule's comment names: {@code BRIDGE} of {@code mdnp:INSTANCE:BRIDGE}, or of
     * {@code mdnp:BRIDGE}, the form of releases without instances; "" for the base tag or a comment not mdnp's.
     */
    static String bridgeOf(String comment) {
        String prefix = BASE_TAG + ":";
        if (!comment.startsWith(prefix)) {
            return "";
        }
        String rest = comment.substring(prefix.length());
        return rest.substring(rest.indexOf(':') + 1);
    }

    /** Returns the daemon a rule's comment names, {@code INSTANCE} of {@code mdnp:INSTANCE:BRIDGE}; "" for any other. */
    static String instanceOf(String comment) {
        String prefix = BASE_TAG + ":";
        if (!comment.startsWith(prefix)) {
            return "";
        }
        String rest = comment.substring(prefix.length());
        int colon = rest.indexOf(':');
        return colon < 0 ? "" : rest.substring(0, colon);
    }

    /** Returns true when a rule carries one of mdnp's comments or jumps into one of mdnp's chains. */
    static boolean isOwn(RuleLine rule) {
        return rule.comment().equals(BASE_TAG) || !bridgeOf(rule.comment()).isEmpty()
                || rule.target().startsWith(CHAIN_PREFIX) || rule.chain().startsWith(CHAIN_PREFIX);
    }

    private static List<RuleLine> nat(String tag, NetworkRules network, IpFamily family) {
        String br = network.bridge();
        List<RuleLine> rules = new ArrayList<>();
        for (String subnet : network.subnets(family)) {
            if (network.masquerade()) {
                rules.add(tagged(NAT, POSTROUTING_CHAIN, List.of("-s", subnet, "!", "-o", br), tag, "MASQUERADE"));
            }
            // a container reaching a published port of its own network through the host's address (hairpin)
            rules.add(tagged(NAT, POSTROUTING_CHAIN, List.of("-s", subnet, "-o", br, "-m", "conntrack", "--ctstate",
                    "DNAT"), tag, "MASQUERADE"));
        }
        if (family == IpFamily.IPV4) {
            // the host's own connections to a published port, from 127.0.0.1 too (route_localnet on the bridge)
            rules.add(tagged(NAT, POSTROUTING_CHAIN, List.of("-o", br, "-m", "addrtype", "--src-type", "LOCAL",
                    "-m", "conntrack", "--ctstate", "DNAT"), tag, "MASQUERADE"));
            // route_localnet lets 127.0.0.0/8 through the bridge; nothing may come in from it with such a target
            rules.add(tagged(RAW, RAW_CHAIN, List.of("-d", "127.0.0.0/8", "-i", br), tag, "DROP"));
        }
        return rules;
    }

    private static String destination(PortMapping mapping) {
        String port = ":" + mapping.containerPort();
        return mapping.family() == IpFamily.IPV6 ? "[" + mapping.containerIp() + "]" + port
                : mapping.containerIp() + port;
    }

    private static String host(String address) {
        return address + (IpFamily.of(address) == IpFamily.IPV6 ? "/128" : "/32");
    }

    private static RuleLine tagged(String table, String chain, List<String> matches, String tag, String target,
            String... targetArgs) {
        List<String> spec = new ArrayList<>(matches);
        spec.addAll(List.of("-m", "comment", "--comment", tag, "-j", target));
        spec.addAll(List.of(targetArgs));
        return RuleLine.append(table, chain, spec);
    }

    private static RuleLine placed(RuleLine rule, RuleLine.Placement placement) {
        return new RuleLine(rule.table(), rule.chain(), rule.spec(), placement);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /** A chain of one table. */
    record ChainName(String table, String name) {
    }
}
