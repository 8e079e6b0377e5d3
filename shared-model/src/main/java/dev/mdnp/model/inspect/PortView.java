package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

/**
 * A port published for an endpoint in one address family, as {@code /v1/endpoints} shows it: what
 * {@code docker port} shows for a container on a built-in bridge network, which it cannot show for a remote driver's.
 *
 * @param protocol {@code tcp} or {@code udp}
 * @param hostIp the host address it is published on: {@code 0.0.0.0} or {@code ::} for every address of the family,
 *     or one address; for a routed port, the container's own address
 * @param hostPort the host port mdnp chose or was given; for a routed port, the container's port
 * @param containerIp the container's address the traffic goes to, bare
 * @param containerPort the container's port
 * @param routed true when the network routes this family without NAT ({@code gateway_mode_ipv4=routed}): the port is
 *     opened at the container's own address and no host port is taken
 */
public record PortView(String protocol, String hostIp, int hostPort, String containerIp, int containerPort,
        boolean routed) {

    /** Validates the components. */
    public PortView {
        requireNonNull(protocol, "protocol");
        requireNonNull(hostIp, "hostIp");
        requireNonNull(containerIp, "containerIp");
    }

    /**
     * Returns the mapping as {@code docker ps} prints one: {@code 0.0.0.0:8080->80/tcp}, {@code [::]:8080->80/tcp}.
     */
    public String text() {
        String host = hostIp.indexOf(':') >= 0 ? "[" + hostIp + "]" : hostIp;
        return host + ":" + hostPort + "->" + containerPort + "/" + protocol;
    }
}
