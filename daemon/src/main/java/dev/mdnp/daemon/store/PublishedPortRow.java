package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

/**
 * A row of {@code published_ports}: one port ProgramExternalConnectivity published for an endpoint, in one address
 * family. Only nulls and an empty endpoint id are refused here; the table's constraints check the values when the row
 * is written (protocol {@code tcp} or {@code udp}, ports 1 to 65535, no empty address), and the persistence package
 * checks a row it reads.
 *
 * @param endpointId Docker's id of the endpoint, which must be in {@code endpoints}
 * @param position the port's place among the endpoint's ports, from 0, in the order they were published
 * @param protocol {@code tcp} or {@code udp}
 * @param hostIp the host address the port is published on ({@code 0.0.0.0} or {@code ::} for every address of the
 *     family); for a routed port, the container's address
 * @param hostPort the host port taken; for a routed port, the container's port
 * @param containerIp the container's address the traffic goes to
 * @param containerPort the container's port
 * @param routed whether the port is opened at the container's own address without NAT, taking no host port
 */
public record PublishedPortRow(
        String endpointId,
        int position,
        String protocol,
        String hostIp,
        int hostPort,
        String containerIp,
        int containerPort,
        boolean routed) {

    /** Validates the components. */
    public PublishedPortRow {
        Keys.nonEmpty(endpointId, "endpointId");
        requireNonNull(protocol, "protocol");
        requireNonNull(hostIp, "hostIp");
        requireNonNull(containerIp, "containerIp");
    }
}
