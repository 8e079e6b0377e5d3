package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One plugin API call as the daemon recorded it: what Docker sent, what it got, how long each phase took and which
 * kernel operations it caused. The unit of the request log, the {@code /v1/requests} list and the event stream.
 *
 * @param seq the call's sequence number, from 1, increasing by one per call since the daemon started
 * @param start when the call's request arrived
 * @param method the protocol method, such as {@code NetworkDriver.Join}; the path without its slash for an unknown one
 * @param networkId the request's NetworkID, {@code ""} when it has none
 * @param endpointId the request's EndpointID, {@code ""} when it has none
 * @param status the HTTP status of the reply
 * @param error the reply's {@code Err} text, {@code ""} on success
 * @param requestJson the request body as received (cut at 64 KiB, then ending in {@code "…"})
 * @param responseJson the response body as sent
 * @param durationMicros the call's total duration, in microseconds
 * @param phases where that time went
 * @param kernelOps the kernel operations the call performed, in order
 */
public record RequestRecord(
        long seq,
        Instant start,
        String method,
        String networkId,
        String endpointId,
        int status,
        String error,
        String requestJson,
        String responseJson,
        long durationMicros,
        PhaseTimings phases,
        List<KernelOpRecord> kernelOps) {

    /** Validates the components and copies the list; a null list from JSON becomes empty. */
    public RequestRecord {
        requireNonNull(start, "start");
        requireNonNull(method, "method");
        requireNonNull(networkId, "networkId");
        requireNonNull(endpointId, "endpointId");
        requireNonNull(error, "error");
        requireNonNull(requestJson, "requestJson");
        requireNonNull(responseJson, "responseJson");
        requireNonNull(phases, "phases");
        kernelOps = kernelOps == null ? List.of() : List.copyOf(kernelOps);
    }

    /** Returns whether the call succeeded (a 2xx status). */
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
