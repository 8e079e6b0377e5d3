package dev.mdnp.daemon.inspect;

import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import java.util.List;

/**
 * The {@code /v1} views of a daemon's sources, built by the same {@link Snapshots} the inspect server answers with,
 * without the HTTP round trip: for tests in other packages that compare what the inspect API shows before and after
 * something happened. Read-only, as the inspect server is.
 */
public final class InspectViews {

    private final Snapshots snapshots;

    /** Builds the views over {@code sources}. */
    public InspectViews(InspectSources sources) {
        this.snapshots = new Snapshots(sources);
    }

    /** Returns {@code /v1/networks}. */
    public List<NetworkView> networks() {
        return snapshots.networks();
    }

    /** Returns {@code /v1/endpoints}. */
    public List<EndpointView> endpoints() {
        return snapshots.endpoints();
    }

    /** Returns {@code /v1/ipam/pools}. */
    public List<PoolView> pools() {
        return snapshots.pools();
    }

    /** Returns {@code /v1/links}; lists the kernel's links. */
    public List<LinkView> links() {
        return snapshots.links();
    }
}
