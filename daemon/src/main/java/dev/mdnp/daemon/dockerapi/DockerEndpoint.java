package dev.mdnp.daemon.dockerapi;

import static java.util.Objects.requireNonNull;

/**
 * An endpoint the Docker engine holds on a network, as {@code docker network inspect} lists it under
 * {@code Containers}. Absent text is {@code ""}, never null.
 *
 * @param endpointId the endpoint id, as the plugin got it in {@code CreateEndpoint}
 * @param containerId the key Docker files the endpoint under: a container id, or an {@code lb-}/{@code ep-} name for
 *     endpoints that belong to no container
 * @param ipv4Address the IPv4 address in CIDR form ({@code 10.0.0.2/24}), as Docker gives it
 * @param ipv6Address the IPv6 address in CIDR form, as Docker gives it
 */
public record DockerEndpoint(String endpointId, String containerId, String ipv4Address, String ipv6Address) {

    /** Checks that no component is null. */
    public DockerEndpoint {
        requireNonNull(endpointId, "endpointId");
        requireNonNull(containerId, "containerId");
        requireNonNull(ipv4Address, "ipv4Address");
        requireNonNull(ipv6Address, "ipv6Address");
    }
}
