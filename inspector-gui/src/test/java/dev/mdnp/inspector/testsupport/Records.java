package dev.mdnp.inspector.testsupport;

import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;
import java.util.List;

/** Builds request records for unit tests of the inspector's layers. */
public final class Records {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private Records() {
    }

    /** Returns a successful call number {@code seq} of {@code method}, starting {@code seq} ms after a fixed time. */
    public static RequestRecord call(long seq, String method) {
        return new RequestRecord(seq, T0.plusMillis(seq), method, "", "", 200, "", "{}", "{}", 100,
                PhaseTimings.NONE, List.of());
    }
}
