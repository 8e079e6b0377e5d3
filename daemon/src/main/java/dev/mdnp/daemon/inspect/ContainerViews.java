package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.EndpointView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code /v1/containers}: the joined endpoints grouped by sandbox key, one container per sandbox, each sandbox
 * read once. Interfaces go by name ({@code eth0}, {@code eth1}, …) with unread ones last; containers by name, then
 * sandbox key.
 */
final class ContainerViews {

    private static final Comparator<Entry> BY_INTERFACE = Comparator
            .comparing((Entry entry) -> !entry.view().isRead())
            .thenComparing(entry -> entry.view().name())
            .thenComparing(entry -> entry.view().endpointId());
    private static final Comparator<ContainerView> BY_CONTAINER = Comparator
            .comparing((ContainerView container) -> container.container().name())
            .thenComparing(ContainerView::sandboxKey);

    private final SandboxReader reader;

    ContainerViews(SandboxReader reader) {
        this.reader = requireNonNull(reader, "reader");
    }

    /** Returns the containers that {@code endpoints} are joined to; endpoints not joined are left out. */
    List<ContainerView> of(List<EndpointView> endpoints) {
        Map<String, List<EndpointView>> bySandbox = new LinkedHashMap<>();
        for (EndpointView endpoint : endpoints) {
            if (endpoint.joined() && !endpoint.sandboxKey().isEmpty()) {
                bySandbox.computeIfAbsent(endpoint.sandboxKey(), key -> new ArrayList<>()).add(endpoint);
            }
        }
        List<ContainerView> containers = new ArrayList<>();
        bySandbox.forEach((sandboxKey, joined) -> containers.add(container(sandboxKey, joined)));
        containers.sort(BY_CONTAINER);
        return containers;
    }

    private ContainerView container(String sandboxKey, List<EndpointView> joined) {
        List<ContainerInterfaceView> views = reader.read(sandboxKey, joined);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < joined.size(); i++) {
            entries.add(new Entry(joined.get(i), views.get(i)));
        }
        entries.sort(BY_INTERFACE);
        ContainerRef container = entries.stream()
                .map(entry -> entry.endpoint().container())
                .filter(ref -> !ref.isUnknown())
                .findFirst()
                .orElse(ContainerRef.UNKNOWN);
        return new ContainerView(sandboxKey, container, entries.stream().map(Entry::view).toList());
    }

    /** An endpoint and its interface as read inside the container. */
    private record Entry(EndpointView endpoint, ContainerInterfaceView view) {
    }
}
