package dev.mdnp.daemon.netlink.sys;

import java.nio.ByteBuffer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.types.size_t;
import jnr.ffi.types.socklen_t;
import jnr.ffi.types.ssize_t;

/**
 * The C library calls of the netlink layer, bound by jnr-ffi: the seven socket calls, {@code unshare} for tests
 * that need a private network namespace, and {@code open}, {@code fstatfs} and {@code setns} to open a socket inside
 * another namespace (a container's). Each call saves {@code errno}, read with
 * {@code jnr.ffi.Runtime.getRuntime(libc).getLastError()} on the same thread right after a call returned -1.
 *
 * <p>Buffers are direct {@link ByteBuffer}s, and jnr-ffi passes <em>address plus position</em>: a buffer whose
 * position is not 0 sends or receives from the middle. The kernel silently drops a malformed netlink message, so
 * such a mistake shows only as a receive timeout. {@link NetlinkSocket} always passes buffers at position 0.
 *
 * <p>Public only because jnr-ffi implements the interface in a generated class; use {@link NetlinkSocket} and
 * {@link Netns} instead.
 */
public interface LibC {

    /** {@code int socket(int domain, int type, int protocol)}. */
    @SaveError
    int socket(int domain, int type, int protocol);

    /** {@code int bind(int fd, const struct sockaddr *addr, socklen_t len)}. */
    @SaveError
    int bind(int fd, @In ByteBuffer address, @socklen_t int length);

    /** {@code int setsockopt(int fd, int level, int name, const void *value, socklen_t len)}. */
    @SaveError
    int setsockopt(int fd, int level, int name, @In ByteBuffer value, @socklen_t int length);

    /** {@code int getsockname(int fd, struct sockaddr *addr, socklen_t *len)}. */
    @SaveError
    int getsockname(int fd, @Out ByteBuffer address, IntByReference length);

    /**
     * {@code ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to,
     * socklen_t tolen)}.
     */
    @SaveError
    @ssize_t
    long sendto(int fd, @In ByteBuffer buffer, @size_t long length, int flags, @In ByteBuffer address,
            @socklen_t int addressLength);

    /** {@code ssize_t recv(int fd, void *buf, size_t len, int flags)}. */
    @SaveError
    @ssize_t
    long recv(int fd, @Out ByteBuffer buffer, @size_t long length, int flags);

    /** {@code int close(int fd)}. */
    @SaveError
    int close(int fd);

    /** {@code int unshare(int flags)}; with {@code CLONE_NEWNET} it moves only the calling thread. */
    @SaveError
    int unshare(int flags);

    /** {@code int open(const char *path, int flags)}, never with {@code O_CREAT}; {@code path} ends with a NUL. */
    @SaveError
    int open(@In byte[] path, int flags);

    /** {@code int fstatfs(int fd, struct statfs *buf)}. */
    @SaveError
    int fstatfs(int fd, @Out ByteBuffer statfs);

    /** {@code int setns(int fd, int nstype)}; moves only the calling thread. */
    @SaveError
    int setns(int fd, int nstype);
}
