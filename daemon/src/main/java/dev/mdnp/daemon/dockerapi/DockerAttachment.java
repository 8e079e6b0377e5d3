package dev.mdnp.daemon.dockerapi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A container's attachment to one network, as {@code NetworkSettings.Networks[NAME]} shows it.
 *
 * @param networkId the network's full id
 * @param networkName the network's name, the key Docker files the attachment under
 * @param endpointId the endpoint id, as the plugin got it in {@code CreateEndpoint}; {@code ""} while the container
 *     does not run
 * @param aliases the container's aliases on this network ({@code --network-alias}) without its own name and short
 *     id, which Docker adds to the list on its own
 */
public record DockerAttachment(String networkId, String networkName, String endpointId, List<String> aliases) {

    /** Checks the components and copies the list. */
    public DockerAttachment {
        requireNonNull(networkId, "networkId");
        requireNonNull(networkName, "networkName");
        requireNonNull(endpointId, "endpointId");
        aliases = List.copyOf(aliases);
    }
}
