package dev.mdnp.model.inspect;

/**
 * Where the time of one plugin call went, in microseconds. Phases that did not happen are 0; their sum is at most the
 * call's total, the rest being queueing and transport.
 *
 * @param decodeMicros reading and decoding the request body
 * @param driverMicros the driver or IPAM method, without the kernel and store time inside it
 * @param kernelMicros kernel operations (netlink, firewall)
 * @param storeMicros committing the change to the state database
 * @param encodeMicros encoding and sending the response
 */
public record PhaseTimings(long decodeMicros, long driverMicros, long kernelMicros, long storeMicros,
        long encodeMicros) {

    /** No time in any phase. */
    public static final PhaseTimings NONE = new PhaseTimings(0, 0, 0, 0, 0);
}
