package dev.mdnp.inspector.model;

import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.LinkView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel's links of one reading, by name, answering the drift questions the object tabs and the topology ask.
 * A name the reading does not mention counts as no drift: the reading had nothing to compare, as in a replay.
 */
public final class LinkIndex {

    private final Map<String, LinkView> byName = new HashMap<>();

    private LinkIndex(List<LinkView> links) {
        for (LinkView link : links) {
            byName.put(link.name(), link);
        }
    }

    /** Returns an index of {@code links}. */
    public static LinkIndex of(List<LinkView> links) {
        return new LinkIndex(links);
    }

    /** Returns the link named {@code name}, if the reading has it. */
    public Optional<LinkView> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Returns the drift of the link named {@code name}, {@link Drift#NONE} when the reading does not mention it. */
    public Drift drift(String name) {
        return find(name).map(LinkView::drift).orElse(Drift.NONE);
    }

    /** Returns the kernel's status of the link named {@code name}, {@link LinkStatus#ABSENT} when not reported. */
    public LinkStatus status(String name) {
        return find(name).map(LinkStatus::of).orElse(LinkStatus.ABSENT);
    }

    /** Returns the worse drift of an endpoint's two veth ends; a missing end outweighs an unknown one. */
    public Drift endpointDrift(EndpointView endpoint) {
        Drift host = drift(endpoint.hostIfName());
        Drift container = drift(endpoint.containerIfName());
        if (host == Drift.MISSING_IN_KERNEL || container == Drift.MISSING_IN_KERNEL) {
            return Drift.MISSING_IN_KERNEL;
        }
        return host == Drift.NONE ? container : host;
    }
}
