package dev.mdnp.daemon.transport;

/**
 * Decides at accept time whether a connecting process may talk to the server. The socket file's mode is the first
 * line of defence; this is the second. A refused connection is closed before anything is read or answered.
 *
 * <p>Implementations run on an I/O thread for every accepted connection, so they must be fast, must not block and
 * must not throw.
 */
@FunctionalInterface
public interface PeerPolicy {

    /**
     * Tells whether the peer may use the server.
     *
     * @param peer the credentials the kernel reported for the connecting process
     * @return {@code true} to serve the connection, {@code false} to close it at once
     */
    boolean permits(PeerCredentials peer);

    /** Returns a policy that admits only processes running as uid 0. */
    static PeerPolicy rootOnly() {
        return peer -> peer.uid() == 0;
    }

    /** Returns a policy that admits every process that could open the socket file. */
    static PeerPolicy anyone() {
        return peer -> true;
    }
}
