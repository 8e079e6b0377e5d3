package dev.mdnp.daemon.inspect;

import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;
import java.util.List;

/** Request records for the inspect tests, as the api would record them (seq 0: the history numbers them). */
final class Records {

    static final Instant START = Instant.parse("2025-01-31T12:00:00Z");

    private Records() {
    }

    /** A successful call of {@code method} whose request body carries {@code payload}. */
    static RequestRecord call(String method, String payload) {
        return new RequestRecord(0, START, method, "net", "", 200, "", "{\"x\":\"" + payload + "\"}", "{}", 1500,
                PhaseTimings.NONE, List.of(new KernelOpRecord("create bridge", "mdnpb0", 700, "")));
    }

    /** A successful CreateNetwork call. */
    static RequestRecord call() {
        return call("NetworkDriver.CreateNetwork", "");
    }
}
