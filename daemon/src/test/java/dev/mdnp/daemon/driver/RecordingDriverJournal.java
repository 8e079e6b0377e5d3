package dev.mdnp.daemon.driver;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A journal double for driver tests: remembers each call as a line such as {@code endpointChanged e0b0a8e2947b
 * joined /var/run/docker/netns/1}, runs a hook before each call (to see what the kernel had done by then), and can be
 * told to fail one method as a broken store would.
 */
final class RecordingDriverJournal implements DriverJournal {

    private final List<String> calls = new ArrayList<>();
    private Runnable beforeEachCall = () -> { };
    private String failing = "";
    private @Nullable Endpoint lastChanged;

    /** Makes every later call of the named method throw, without recording it; "" makes none fail. */
    synchronized void fail(String method) {
        failing = method;
    }

    /** Runs {@code hook} at the start of every later call, failing ones included. */
    synchronized void beforeEachCall(Runnable hook) {
        beforeEachCall = hook;
    }

    /** Returns the calls recorded so far. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized void networkCreated(Network network) {
        record("networkCreated", NetworkDriver.shortId(network.id()) + " " + network.bridge());
    }

    @Override
    public synchronized void networkDeleted(String networkId) {
        record("networkDeleted", NetworkDriver.shortId(networkId));
    }

    @Override
    public synchronized void endpointCreated(Endpoint endpoint) {
        record("endpointCreated", NetworkDriver.shortId(endpoint.id()) + " on "
                + NetworkDriver.shortId(endpoint.networkId()));
    }

    /** Returns the endpoint of the last successful {@link #endpointChanged} call. */
    synchronized Endpoint lastEndpoint() {
        if (lastChanged == null) {
            throw new AssertionError("endpointChanged was never called");
        }
        return lastChanged;
    }

    @Override
    public synchronized void endpointChanged(Endpoint endpoint) {
        record("endpointChanged", NetworkDriver.shortId(endpoint.id())
                + (endpoint.joined() ? " joined " + endpoint.sandboxKey() : " left")
                + (endpoint.published().isEmpty() ? "" : " ports " + endpoint.published()));
        lastChanged = endpoint;
    }

    @Override
    public synchronized void endpointDeleted(String endpointId) {
        record("endpointDeleted", NetworkDriver.shortId(endpointId));
    }

    private void record(String method, String detail) {
        beforeEachCall.run();
        if (failing.equals(method)) {
            throw new IllegalStateException(method + " " + detail + ": disk I/O error");
        }
        calls.add(method + " " + detail);
    }
}
