package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The container an endpoint belongs to, as Docker names it: what {@code docker ps} and {@code docker network inspect}
 * show, so that a person can tell which container an endpoint is.
 *
 * @param id the container's full id, {@code ""} when unknown
 * @param name the container's name without Docker's leading {@code /}, {@code ""} when unknown
 * @param aliases the container's aliases on this endpoint's network ({@code --network-alias}), without its name or
 *     short id; empty when none or unknown
 */
public record ContainerRef(String id, String name, List<String> aliases) {

    /** No container known: Docker could not be asked, or has not said yet. */
    public static final ContainerRef UNKNOWN = new ContainerRef("", "", List.of());

    /** Validates the components and copies the list; a null or absent list from JSON becomes empty. */
    public ContainerRef {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** Returns whether nothing is known about the container. */
    public boolean isUnknown() {
        return id.isEmpty() && name.isEmpty();
    }
}
