package dev.mdnp.daemon.netlink.sys;

import dev.mdnp.daemon.netlink.wire.Af;
import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.Sock;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import jnr.ffi.byref.IntByReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A raw {@code NETLINK_ROUTE} socket in the network namespace of the thread that opened it, where it stays whatever
 * thread uses it later.
 *
 * <p>Opening does {@code socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE)}, sets {@code NETLINK_EXT_ACK}
 * (errors carry the kernel's text) and {@code NETLINK_CAP_ACK} (errors do not echo the request), the receive buffer
 * ({@code SO_RCVBUFFORCE}, or {@code SO_RCVBUF} capped at {@code rmem_max} without {@code CAP_NET_ADMIN}), the receive
 * timeout ({@code SO_RCVTIMEO}, so a lost reply shows as {@code EAGAIN} instead of a hang: a thread blocked in native
 * {@code recv} cannot be interrupted), binds with {@code nl_pid} 0 and the given multicast groups, and reads the port
 * id the kernel chose with {@code getsockname}.
 *
 * <p>Not thread-safe: the owner lets one thread at a time send, receive or close.
 */
public final class NetlinkSocket implements NetlinkChannel {

    private static final Logger log = LoggerFactory.getLogger(NetlinkSocket.class);

    private final LibC libc = NativeLibC.LIBC;
    private final int fd;
    private final int portId;
    /** {@code struct sockaddr_nl} of the kernel: family AF_NETLINK, pid 0, groups 0. */
    private final ByteBuffer kernel;
    private ByteBuffer outgoing = ByteBuffer.allocateDirect(4096);
    private boolean closed;

    private NetlinkSocket(int fd, int groups, int receiveBufferBytes, Duration receiveTimeout) {
        this.fd = fd;
        this.kernel = sockaddr(0);
        setInt("NETLINK_EXT_ACK", Sock.SOL_NETLINK, Sock.NETLINK_EXT_ACK, 1);
        setInt("NETLINK_CAP_ACK", Sock.SOL_NETLINK, Sock.NETLINK_CAP_ACK, 1);
        setReceiveBuffer(receiveBufferBytes);
        setTimeout(receiveTimeout);
        ByteBuffer local = sockaddr(groups);
        check("bind", libc.bind(fd, local, Sock.SOCKADDR_NL_LENGTH));
        ByteBuffer bound = ByteBuffer.allocateDirect(Sock.SOCKADDR_NL_LENGTH).order(ByteOrder.nativeOrder());
        IntByReference length = new IntByReference(Sock.SOCKADDR_NL_LENGTH);
        check("getsockname", libc.getsockname(fd, bound, length));
        this.portId = bound.getInt(4);
    }

    /**
     * Opens a socket in the calling thread's network namespace.
     *
     * @param groups             the {@code RTMGRP_*} multicast groups to join, 0 for a request socket
     * @param receiveBufferBytes the wanted receive buffer (the kernel doubles it for bookkeeping)
     * @param receiveTimeout     how long {@code recv} waits before {@code EAGAIN}
     * @throws ErrnoException when a call fails; nothing stays open then
     */
    public static NetlinkSocket open(int groups, int receiveBufferBytes, Duration receiveTimeout) {
        LibC libc = NativeLibC.LIBC;
        int fd = libc.socket(Af.NETLINK, Sock.SOCK_RAW | Sock.SOCK_CLOEXEC, Sock.NETLINK_ROUTE);
        if (fd < 0) {
            throw new ErrnoException("socket", NativeLibC.errno());
        }
        try {
            return new NetlinkSocket(fd, groups, receiveBufferBytes, receiveTimeout);
        } catch (ErrnoException e) {
            libc.close(fd);
            throw e;
        }
    }

    @Override
    public int portId() {
        return portId;
    }

    @Override
    public void send(byte[] message) {
        ensureOpen();
        if (outgoing.capacity() < message.length) {
            outgoing = ByteBuffer.allocateDirect(Math.max(message.length, 2 * outgoing.capacity()));
        }
        outgoing.clear();
        outgoing.put(message).flip(); // position 0: jnr-ffi passes address + position
        long sent = libc.sendto(fd, outgoing, message.length, 0, kernel, Sock.SOCKADDR_NL_LENGTH);
        if (sent < 0) {
            throw new ErrnoException("sendto", NativeLibC.errno());
        }
        if (sent != message.length) {
            throw new ErrnoException("sendto", Errno.EMSGSIZE.number(), "sent " + sent + " of " + message.length);
        }
    }

    @Override
    public int receive(ByteBuffer target) {
        ensureOpen();
        if (!target.isDirect()) {
            throw new IllegalArgumentException("receive needs a direct buffer");
        }
        target.clear(); // position 0: jnr-ffi passes address + position
        while (true) {
            long length = libc.recv(fd, target, target.capacity(), Sock.MSG_TRUNC);
            if (length < 0) {
                int errno = NativeLibC.errno();
                if (errno == Errno.EINTR.number()) {
                    continue;
                }
                throw new ErrnoException("recv", errno);
            }
            if (length > target.capacity()) {
                throw new ErrnoException("recv", Errno.EMSGSIZE.number(),
                        "datagram of " + length + " bytes cut to " + target.capacity());
            }
            target.limit((int) length);
            return (int) length;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (libc.close(fd) < 0) {
                log.debug("close of netlink socket failed fd={} errno={}", fd, NativeLibC.errno());
            }
        }
    }

    private void setReceiveBuffer(int bytes) {
        ByteBuffer value = intValue(bytes);
        if (libc.setsockopt(fd, Sock.SOL_SOCKET, Sock.SO_RCVBUFFORCE, value, 4) == 0) {
            return;
        }
        int errno = NativeLibC.errno();
        if (errno != Errno.EPERM.number()) {
            throw new ErrnoException("setsockopt SO_RCVBUFFORCE", errno);
        }
        log.debug("no CAP_NET_ADMIN for SO_RCVBUFFORCE, receive buffer capped at net.core.rmem_max");
        check("setsockopt SO_RCVBUF", libc.setsockopt(fd, Sock.SOL_SOCKET, Sock.SO_RCVBUF, value, 4));
    }

    private void setTimeout(Duration timeout) {
        ByteBuffer timeval = ByteBuffer.allocateDirect(Sock.TIMEVAL_LENGTH).order(ByteOrder.nativeOrder());
        timeval.putLong(timeout.toSeconds()).putLong(timeout.toMillisPart() * 1000L).flip();
        check("setsockopt SO_RCVTIMEO",
                libc.setsockopt(fd, Sock.SOL_SOCKET, Sock.SO_RCVTIMEO, timeval, Sock.TIMEVAL_LENGTH));
    }

    private void setInt(String name, int level, int option, int value) {
        check("setsockopt " + name, libc.setsockopt(fd, level, option, intValue(value), 4));
    }

    private void check(String call, int result) {
        if (result < 0) {
            throw new ErrnoException(call, NativeLibC.errno());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("netlink socket closed");
        }
    }

    private static ByteBuffer intValue(int value) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
        buffer.putInt(value).flip();
        return buffer;
    }

    private static ByteBuffer sockaddr(int groups) {
        ByteBuffer address = ByteBuffer.allocateDirect(Sock.SOCKADDR_NL_LENGTH).order(ByteOrder.nativeOrder());
        address.putShort((short) Af.NETLINK).putShort((short) 0).putInt(0).putInt(groups).flip();
        return address;
    }
}
