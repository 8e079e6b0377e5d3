package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.Protocol;

/**
 * A port as published, in one address family: what {@code docker port} would show for a bridge network.
 *
 * @param protocol tcp or udp
 * @param hostIp the host address it is published on: {@code 0.0.0.0} or {@code ::} for every address of the family,
 *     or one address; for a routed port, the container's own address
 * @param hostPort the host port chosen; for a routed port, the container's port
 * @param containerIp the container's address the traffic goes to
 * @param containerPort the container's port
 * @param routed true when the network routes this family without NAT: the port is opened at the container's own
 *     address and no host port is taken
 */
public record PublishedPort(Protocol protocol, String hostIp, int hostPort, String containerIp, int containerPort,
        boolean routed) {

    /** Rejects nulls and ports outside 1-65535. */
    public PublishedPort {
        requireNonNull(protocol, "protocol");
        requireNonNull(hostIp, "hostIp");
        requireNonNull(containerIp, "containerIp");
        if (hostPort < 1 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("port out of range in " + hostIp + ":" + hostPort + "->" + containerPort);
        }
    }

    /** Returns true for an IPv6 mapping. */
    public boolean ipv6() {
        return containerIp.indexOf(':') >= 0;
    }

    /** Returns the mapping as Docker prints one: {@code 0.0.0.0:8080->80/tcp}, {@code [::]:8080->80/tcp}. */
    @Override
    public String toString() {
        String host = hostIp.indexOf(':') >= 0 ? "[" + hostIp + "]" : hostIp;
        return host + ":" + hostPort + "->" + containerPort + "/" + protocol.iptablesName();
    }
}
