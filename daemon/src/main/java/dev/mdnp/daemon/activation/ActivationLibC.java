package dev.mdnp.daemon.activation;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;

/**
 * The C library calls of socket activation, bound by jnr-ffi. Each call saves {@code errno}.
 *
 * <p>Public only because jnr-ffi implements the interface in a generated class; use {@link SocketActivation}.
 */
public interface ActivationLibC {

    /** {@code int dup2(int oldfd, int newfd)}. */
    @SaveError
    int dup2(int oldFd, int newFd);

    /** {@code int close(int fd)}. */
    @SaveError
    int close(int fd);

    /** {@code int unsetenv(const char *name)}; {@code name} ends with a NUL. */
    @SaveError
    int unsetenv(@In byte[] name);
}
