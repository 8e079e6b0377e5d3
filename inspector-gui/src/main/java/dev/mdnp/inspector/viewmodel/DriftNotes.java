package dev.mdnp.inspector.viewmodel;

import dev.mdnp.model.inspect.Drift;

/** The words the inspector uses for drift: a short label for a column and a sentence for a tooltip. */
public final class DriftNotes {

    private DriftNotes() {
    }

    /** Returns a short label: {@code OK}, {@code missing in kernel} or {@code unknown to state}. */
    public static String label(Drift drift) {
        if (drift == Drift.MISSING_IN_KERNEL) {
            return "missing in kernel";
        }
        return drift == Drift.UNKNOWN_TO_STATE ? "unknown to state" : "OK";
    }

    /**
     * Returns what the drift of {@code what} (such as {@code "bridge mdnpb1a2b"}) means, {@code ""} for none: for
     * example {@code "bridge mdnpb1a2b: the state has this link, the kernel does not"}.
     */
    public static String about(String what, Drift drift) {
        if (drift == Drift.MISSING_IN_KERNEL) {
            return what + ": the state has this link, the kernel does not";
        }
        if (drift == Drift.UNKNOWN_TO_STATE) {
            return what + ": the kernel has this link, the state does not know it (a leftover?)";
        }
        return "";
    }
}
