package dev.mdnp.daemon.dockerapi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A container as the Docker engine knows it ({@code docker container inspect}): its name and the networks it is
 * attached to.
 *
 * @param id the full container id
 * @param name the container's name without Docker's leading {@code /}
 * @param attachments one per network the container is attached to, in the engine's order
 */
public record DockerContainer(String id, String name, List<DockerAttachment> attachments) {

    /** Checks the components and copies the list. */
    public DockerContainer {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        attachments = List.copyOf(attachments);
    }
}
