package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.store.InspectorStore;
import java.time.Clock;

/**
 * The view models of one inspector window, all over the same store, built together so that the window and its tests
 * wire them the same way.
 *
 * @param connection the connection bar
 * @param log the request log, its filter and the status line
 * @param detail the selected call
 * @param lifecycle the followed endpoint's lifecycle
 * @param networks the networks table
 * @param endpoints the endpoints table
 * @param links the kernel's links table
 * @param topology the topology picture
 */
public record InspectorViewModels(ConnectionViewModel connection, RequestLogViewModel log,
        RequestDetailViewModel detail, LifecycleViewModel lifecycle, NetworksViewModel networks,
        EndpointsViewModel endpoints, LinksViewModel links, TopologyViewModel topology) {

    /**
     * Builds every view model over {@code store}; following an endpoint in the log shows its lifecycle.
     *
     * @param source the socket or file the store is filled from, for the connection bar
     * @param clock the time for {@code since:} filters; its zone is the one times are shown in
     */
    public static InspectorViewModels over(InspectorStore store, String source, Clock clock) {
        RequestLogViewModel log = new RequestLogViewModel(store, clock);
        LifecycleViewModel lifecycle = new LifecycleViewModel(store);
        lifecycle.endpointIdProperty().bind(log.followedEndpointProperty());
        return new InspectorViewModels(new ConnectionViewModel(store, source, clock.getZone()), log,
                new RequestDetailViewModel(store, log::contextOf), lifecycle, new NetworksViewModel(store),
                new EndpointsViewModel(store), new LinksViewModel(store), new TopologyViewModel(store));
    }
}
