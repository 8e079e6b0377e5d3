package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A container with mdnp's endpoints joined to it, as {@code /v1/containers} shows it: the endpoints that share one
 * sandbox (network namespace) are one container, with each interface as the container itself sees it.
 *
 * @param sandboxKey the container's network namespace path, as Docker gave it in Join
 * @param container the container's id, name and aliases as Docker names it ({@link ContainerRef#UNKNOWN} while
 *     unknown; its aliases are those of the first interface's network)
 * @param interfaces one entry per joined endpoint, ordered by the name inside the container ({@code eth0},
 *     {@code eth1}, …), unread ones last
 */
public record ContainerView(String sandboxKey, ContainerRef container, List<ContainerInterfaceView> interfaces) {

    /** Validates the components and copies the list. */
    public ContainerView {
        requireNonNull(sandboxKey, "sandboxKey");
        requireNonNull(container, "container");
        interfaces = List.copyOf(interfaces);
    }
}
