package dev.mdnp.inspector.client;

import dev.mdnp.model.inspect.RequestRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay target that records what it was told to show: the calls shown now (added by an advance, replaced by a
 * restart) and how many restarts there were. Public, with {@link ReplayControls}, for tests of other packages.
 */
public final class RecordingReplayTarget implements ReplayTarget {

    private final List<RequestRecord> shown = new ArrayList<>();
    private int restarts;

    @Override
    public synchronized void advance(List<RequestRecord> calls) {
        shown.addAll(calls);
    }

    @Override
    public synchronized void restart(List<RequestRecord> calls) {
        restarts++;
        shown.clear();
        shown.addAll(calls);
    }

    /** Returns the calls shown now, in order. */
    public synchronized List<RequestRecord> shown() {
        return List.copyOf(shown);
    }

    /** Returns how many times the target was told to start over. */
    public synchronized int restarts() {
        return restarts;
    }
}
