package dev.mdnp.daemon.dockerapi;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One event of the engine's event stream ({@code GET /events}), as far as mdnp reads it.
 *
 * @param type what changed: {@code network}, {@code container}, …
 * @param action what happened to it: {@code create}, {@code connect}, {@code rename}, …
 * @param actorId the id of the network or container
 * @param attributes the event's attributes: for a network event {@code name}, {@code type} (its driver) and, on
 *     connect and disconnect, {@code container}; for a container event {@code name}
 */
public record DockerEvent(String type, String action, String actorId, Map<String, String> attributes) {

    /** Checks the components and copies the map. */
    public DockerEvent {
        requireNonNull(type, "type");
        requireNonNull(action, "action");
        requireNonNull(actorId, "actorId");
        attributes = Map.copyOf(attributes);
    }

    /** Returns the attribute {@code key}, {@code ""} when absent. */
    public String attribute(String key) {
        return attributes.getOrDefault(key, "");
    }
}
