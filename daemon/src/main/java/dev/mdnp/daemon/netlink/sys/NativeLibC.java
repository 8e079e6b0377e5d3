package dev.mdnp.daemon.netlink.sys;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * The one jnr-ffi binding of {@link LibC}. Loading generates a class, so it happens once; the binding holds no
 * state of its own (errno is per thread), so sharing it is like sharing a logger.
 */
final class NativeLibC {

    /** The binding to the process's C library. */
    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

    private NativeLibC() {
    }

    /** Returns the errno that the calling thread's last {@link LibC} call saved. */
    static int errno() {
        return Runtime.getRuntime(LIBC).getLastError();
    }
}
