package dev.mdnp.inspector.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One container of the topology, drawn once however many networks it joined: the endpoints that share its sandbox
 * (network namespace) are its interfaces.
 *
 * @param key what tells it apart in this reading: its sandbox path, or {@code endpoint:<id>} for an endpoint no
 *     container joined yet
 * @param id Docker's container id, {@code ""} when unknown
 * @param name Docker's container name, {@code ""} when unknown
 * @param joined whether a container joined; false for an endpoint created and not joined yet
 * @param sandbox the last part of the sandbox path (Docker's netns id), {@code ""} when not joined
 * @param interfaces its interfaces, by their name inside the container ({@code eth0}, {@code eth1}, …)
 * @param ports its published ports as {@code docker ps} prints them, such as {@code 0.0.0.0:8080->80/tcp}
 */
public record TopologyContainer(String key, String id, String name, boolean joined, String sandbox,
        List<TopologyInterface> interfaces, List<String> ports) {

    /** Validates the components and copies the lists. */
    public TopologyContainer {
        requireNonNull(key, "key");
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(sandbox, "sandbox");
        interfaces = List.copyOf(interfaces);
        ports = List.copyOf(ports);
    }

    /**
     * Returns what a person knows the container by: Docker's name, else its short id, else its netns id; an endpoint
     * no container joined is {@code not joined}.
     */
    public String label() {
        if (!name.isEmpty()) {
            return name;
        }
        if (!id.isEmpty()) {
            return ShortIds.of(id);
        }
        return joined ? "netns " + sandbox : "not joined";
    }
}
