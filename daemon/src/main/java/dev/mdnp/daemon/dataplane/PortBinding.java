package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.GatewayMode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One port request made concrete for an endpoint: the host address a socket holds the host port on, and the
 * container addresses the port leads to, one per family.
 *
 * @param request the request
 * @param bindAddress the address the host port is held on: {@code ::} (both families), {@code 0.0.0.0} or one
 *     address; "" when every target is routed and no host port is taken
 * @param targets where the port leads, one per family
 */
record PortBinding(PortRequest request, String bindAddress, List<Target> targets) {

    private static final String ANY_IPV4 = "0.0.0.0";
    private static final String ANY_IPV6 = "::";

    /**
     * One family's destination of a published port.
     *
     * @param hostIp the host address as shown: {@code 0.0.0.0}, {@code ::} or the requested address
     * @param containerIp the container's address in that family
     * @param routed whether the family is routed, so the port is opened at {@code containerIp} instead
     */
    record Target(String hostIp, String containerIp, boolean routed) {
    }

    PortBinding {
        requireNonNull(request, "request");
        requireNonNull(bindAddress, "bindAddress");
        targets = List.copyOf(targets);
    }

    /**
     * Works out where a request is published for an endpoint: every host address means IPv4, and IPv6 too when the
     * network and the endpoint have it; one address means its family only.
     *
     * @throws IllegalArgumentException when the host address is not numeric, is IPv6 loopback (which the kernel never
     *     routes to a bridge), or is of a family the endpoint has no address in
     */
    static PortBinding of(EndpointPorts endpoint, PortRequest request) {
        String hostIp = request.hostIp();
        List<Target> targets = new ArrayList<>();
        boolean v4 = !endpoint.containerIpv4().isEmpty();
        boolean v6 = !endpoint.containerIpv6().isEmpty() && endpoint.network().ipv6();
        if (hostIp.isEmpty()) {
            if (v4) {
                targets.add(target(endpoint, ANY_IPV4, false));
            }
            if (v6) {
                targets.add(target(endpoint, ANY_IPV6, true));
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("cannot publish port " + request.containerPort()
                        + ": the endpoint has no address");
            }
        } else {
            InetAddress address = IpPrefix.literal(hostIp);
            boolean ipv6 = hostIp.indexOf(':') >= 0;
            if (ipv6 && address.isLoopbackAddress()) {
                throw new IllegalArgumentException("cannot publish on " + hostIp
                        + ": the kernel never routes IPv6 loopback to a bridge; publish on 127.0.0.1 or every address");
            }
            if (ipv6 ? !v6 : !v4) {
                throw new IllegalArgumentException("cannot publish on " + hostIp + ": the endpoint has no "
                        + (ipv6 ? "IPv6" : "IPv4") + " address");
            }
            targets.add(target(endpoint, address.isAnyLocalAddress() ? (ipv6 ? ANY_IPV6 : ANY_IPV4)
                    : address.getHostAddress(), ipv6));
        }
        return new PortBinding(request, bindAddress(targets), targets);
    }

    private static Target target(EndpointPorts endpoint, String hostIp, boolean ipv6) {
        GatewayMode mode = ipv6 ? endpoint.network().traffic().ipv6Mode() : endpoint.network().traffic().ipv4Mode();
        return new Target(hostIp, ipv6 ? endpoint.containerIpv6() : endpoint.containerIpv4(),
                mode == GatewayMode.ROUTED);
    }

    /** Returns the one address a socket holds the port on for every target that is not routed. */
    private static String bindAddress(List<Target> targets) {
        List<String> hosts = targets.stream().filter(t -> !t.routed()).map(Target::hostIp).toList();
        if (hosts.isEmpty()) {
            return "";
        }
        // A socket on :: is dual-stack: it holds the port for IPv4 and IPv6 at once.
        return hosts.size() > 1 ? ANY_IPV6 : hosts.get(0);
    }
}
