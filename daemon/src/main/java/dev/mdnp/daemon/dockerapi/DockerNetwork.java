package dev.mdnp.daemon.dockerapi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A network as the Docker engine knows it, with the endpoints it holds on that network.
 *
 * @param id the full network id
 * @param name the network's name
 * @param endpoints the endpoints on the network, ordered by container id
 */
public record DockerNetwork(String id, String name, List<DockerEndpoint> endpoints) {

    /** Checks the components and copies the list. */
    public DockerNetwork {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        endpoints = List.copyOf(endpoints);
    }
}
