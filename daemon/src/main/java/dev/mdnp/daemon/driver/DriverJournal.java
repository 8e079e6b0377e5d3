package dev.mdnp.daemon.driver;

/**
 * The driver's journal: a synchronous commit hook. A journal, in mdnp, is the hook the driver calls on the calling
 * thread before a change becomes visible (in the driver's memory and to Docker); it makes the change durable or
 * refuses it. A throw means the change did not happen: the call fails and neither memory nor the store changes. It
 * is not a log that is replayed; the production journal ({@code persistence.StoredDriverJournal}) commits one SQLite
 * transaction per call, and {@link #NONE} keeps nothing.
 *
 * <p>The {@link NetworkDriver} calls it after the kernel work of a change and before the change reaches memory and
 * Docker. An implementation that commits each call in one transaction before it returns gives "a 200 means it is
 * durable". If it throws, a create's kernel work is undone, so "a failed call changes nothing" holds in the kernel,
 * in memory and in the store; a delete's kernel objects are already gone, but the network or endpoint stays recorded
 * in memory and in the store, so that Docker's retry completes the delete.
 *
 * <p>Each Docker call that changes something makes exactly one journal call (a repeated Join records the same state
 * again); repeated creates and deletes of unknown ids make none. A deleted network takes its endpoints with it in the
 * one {@link #networkDeleted} call. Called under the driver's lock, one call at a time, in the order the changes
 * happen; at start the recorded state comes back through {@link DriverState#restored}, without journal calls.
 */
public interface DriverJournal {

    /** A journal that records nothing: state lives in memory only and is lost when the daemon stops. */
    DriverJournal NONE = new DriverJournal() {
        @Override
        public void networkCreated(Network network) {
        }

        @Override
        public void networkDeleted(String networkId) {
        }

        @Override
        public void endpointCreated(Endpoint endpoint) {
        }

        @Override
        public void endpointChanged(Endpoint endpoint) {
        }

        @Override
        public void endpointDeleted(String endpointId) {
        }
    };

    /** Records a new network, before {@code CreateNetwork} answers. */
    void networkCreated(Network network);

    /** Records that a network and all its endpoints are gone, before {@code DeleteNetwork} answers. */
    void networkDeleted(String networkId);

    /** Records a new endpoint, which has no published ports yet, before {@code CreateEndpoint} answers. */
    void endpointCreated(Endpoint endpoint);

    /**
     * Records an endpoint's new join state and its published ports, before {@code Join}, {@code Leave},
     * {@code ProgramExternalConnectivity} or {@code RevokeExternalConnectivity} answers. {@link Endpoint#published()}
     * is the whole list, in order, and replaces the recorded one (Join and Leave pass the list unchanged); after a
     * restart it is what Revoke removes, so a port must be recorded before the reply that published it.
     */
    void endpointChanged(Endpoint endpoint);

    /** Records that an endpoint is gone, before {@code DeleteEndpoint} answers. */
    void endpointDeleted(String endpointId);
}
