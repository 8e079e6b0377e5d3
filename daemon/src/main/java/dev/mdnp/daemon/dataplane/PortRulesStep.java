package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.dataplane.firewall.PortMapping;
import dev.mdnp.daemon.dataplane.firewall.PortRules;
import dev.mdnp.daemon.netlink.RtNetlink;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Adds the firewall rules of an endpoint's published ports (DNAT, or the opened container port when routed); undo
 * deletes them. Both are idempotent. The ports come from a supplier, since the host ports are chosen by the step
 * before it.
 */
final class PortRulesStep implements Step {

    private final Firewall firewall;
    private final EndpointPorts endpoint;
    private final Supplier<List<PublishedPort>> published;

    PortRulesStep(Firewall firewall, EndpointPorts endpoint, Supplier<List<PublishedPort>> published) {
        this.firewall = requireNonNull(firewall, "firewall");
        this.endpoint = requireNonNull(endpoint, "endpoint");
        this.published = requireNonNull(published, "published");
    }

    @Override
    public String operation() {
        return "publish ports";
    }

    @Override
    public String target() {
        return describe(published.get());
    }

    @Override
    public void apply(RtNetlink rtnl) {
        firewall.addPorts(rules(endpoint.network(), endpoint.endpointId(), published.get()));
    }

    @Override
    public void undo(RtNetlink rtnl) {
        firewall.removePorts(rules(endpoint.network(), endpoint.endpointId(), published.get()));
    }

    /** Returns the firewall's view of an endpoint's published ports. */
    static PortRules rules(BridgeSpec network, String endpointId, List<PublishedPort> published) {
        List<PortMapping> mappings = published.stream().map(port -> new PortMapping(port.protocol(),
                port.routed() || isAnyAddress(port.hostIp()) ? "" : port.hostIp(), port.hostPort(),
                port.containerIp(), port.containerPort())).toList();
        return new PortRules(network.rules(), endpointId, mappings);
    }

    /** Returns the ports as Docker prints them, comma-separated. */
    static String describe(List<PublishedPort> published) {
        return published.stream().map(PublishedPort::toString).collect(Collectors.joining(", "));
    }

    private static boolean isAnyAddress(String hostIp) {
        return hostIp.equals("0.0.0.0") || hostIp.equals("::");
    }
}
