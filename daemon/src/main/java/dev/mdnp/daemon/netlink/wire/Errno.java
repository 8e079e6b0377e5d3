package dev.mdnp.daemon.netlink.wire;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Linux {@code errno} values (x86-64 and arm64 numbering) that rtnetlink and socket calls return. Each constant is
 * named as in {@code <errno.h>} and carries the text of {@code strerror} in lower case. Numbers not in the table are
 * {@link #UNKNOWN}.
 */
public enum Errno {
    /** An errno number this table does not name. */
    UNKNOWN(-1, "unknown error"),
    EPERM(1, "operation not permitted"),
    ENOENT(2, "no such file or directory"),
    ESRCH(3, "no such process"),
    EINTR(4, "interrupted system call"),
    EIO(5, "input/output error"),
    ENXIO(6, "no such device or address"),
    EBADF(9, "bad file descriptor"),
    EAGAIN(11, "resource temporarily unavailable"),
    ENOMEM(12, "cannot allocate memory"),
    EACCES(13, "permission denied"),
    EFAULT(14, "bad address"),
    EBUSY(16, "device or resource busy"),
    EEXIST(17, "file exists"),
    EXDEV(18, "invalid cross-device link"),
    ENODEV(19, "no such device"),
    EINVAL(22, "invalid argument"),
    ENFILE(23, "too many open files in system"),
    EMFILE(24, "too many open files"),
    ENOSPC(28, "no space left on device"),
    ERANGE(34, "numerical result out of range"),
    ENAMETOOLONG(36, "file name too long"),
    ENOSYS(38, "function not implemented"),
    ENOTEMPTY(39, "directory not empty"),
    ENODATA(61, "no data available"),
    EPROTO(71, "protocol error"),
    EBADMSG(74, "bad message"),
    EOVERFLOW(75, "value too large for defined data type"),
    ENOTSOCK(88, "socket operation on non-socket"),
    EMSGSIZE(90, "message too long"),
    ENOPROTOOPT(92, "protocol not available"),
    EPROTONOSUPPORT(93, "protocol not supported"),
    EOPNOTSUPP(95, "operation not supported"),
    EAFNOSUPPORT(97, "address family not supported by protocol"),
    EADDRINUSE(98, "address already in use"),
    EADDRNOTAVAIL(99, "cannot assign requested address"),
    ENETDOWN(100, "network is down"),
    ENETUNREACH(101, "network is unreachable"),
    ENOBUFS(105, "no buffer space available"),
    ETIMEDOUT(110, "connection timed out"),
    EHOSTUNREACH(113, "no route to host"),
    /** The kernel-internal {@code ENOTSUPP}, which leaks to user space from some drivers. */
    ENOTSUPP(524, "operation not supported");

    private static final Map<Integer, Errno> BY_NUMBER = Arrays.stream(values())
            .filter(errno -> errno.number > 0)
            .collect(Collectors.toUnmodifiableMap(errno -> errno.number, Function.identity()));

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** Returns the constant for a positive errno number, or {@link #UNKNOWN}. */
    public static Errno of(int number) {
        return BY_NUMBER.getOrDefault(number, UNKNOWN);
    }

    /** Returns the errno number; -1 for {@link #UNKNOWN}. */
    public int number() {
        return number;
    }

    /** Returns what {@code strerror} says, in lower case, such as {@code "file exists"}. */
    public String description() {
        return description;
    }
}
