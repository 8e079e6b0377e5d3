package dev.mdnp.inspector.client;

import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;
import java.util.List;

/** Builds recorded calls for replay tests. */
final class RecordedCalls {

    /** When the first test call arrived. */
    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private RecordedCalls() {
    }

    /** Returns a successful call that arrived {@code millis} after {@link #T0}, with empty bodies. */
    static RequestRecord at(long seq, long millis) {
        return call(seq, millis, "NetworkDriver.GetCapabilities", 200, "{}", "{}");
    }

    /** Returns a call with the given outcome and bodies, and no kernel operations. */
    static RequestRecord call(long seq, long millis, String method, int status, String request, String response,
            KernelOpRecord... kernelOps) {
        return new RequestRecord(seq, T0.plusMillis(millis), method, "", "", status,
                status == 200 ? "" : "failed", request, response, 1_000, PhaseTimings.NONE, List.of(kernelOps));
    }

    /** Returns a successful kernel operation. */
    static KernelOpRecord op(String operation, String target) {
        return new KernelOpRecord(operation, target, 50, "");
    }
}
