package dev.mdnp.daemon.netlink.sys;

import java.nio.ByteBuffer;

/**
 * A bound netlink endpoint that sends whole messages to the kernel and receives whole datagrams:
 * {@link NetlinkSocket}, or a stub in tests.
 */
public interface NetlinkChannel extends AutoCloseable {

    /** Returns the port id the kernel assigned ({@code nl_pid} from {@code getsockname}), which replies carry. */
    int portId();

    /**
     * Sends one message, or several back to back, to the kernel.
     *
     * @throws ErrnoException when {@code sendto} fails
     */
    void send(byte[] message);

    /**
     * Receives one datagram into {@code target} (a direct buffer) from position 0, sets the limit to its length and
     * returns the length.
     *
     * @throws ErrnoException when {@code recv} fails ({@code EAGAIN} after the receive timeout, {@code ENOBUFS}
     *                        when multicast messages were dropped) or the datagram did not fit ({@code EMSGSIZE})
     */
    int receive(ByteBuffer target);

    /** Closes the endpoint; later calls fail. Idempotent. */
    @Override
    void close();
}
