package dev.mdnp.daemon.activation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import org.jspecify.annotations.Nullable;

/**
 * {@link ProcessDescriptors} by C library calls on this process. The binding is loaded on first use: a daemon that
 * was not activated makes none. Not thread-safe.
 */
final class NativeProcessDescriptors implements ProcessDescriptors {

    private static final int STANDARD_INPUT = 0;

    private @Nullable ActivationLibC libc;

    @Override
    public void moveToStandardInput(int fd) {
        ActivationLibC libc = libc();
        if (libc.dup2(fd, STANDARD_INPUT) < 0) {
            throw new ActivationException("cannot move the socket systemd passed on fd " + fd
                    + " to standard input: dup2 failed with errno " + errno());
        }
        if (libc.close(fd) < 0) {
            throw new ActivationException("cannot close fd " + fd + " after moving it to standard input: errno "
                    + errno());
        }
    }

    @Override
    public void unsetEnvironment(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        // unsetenv only fails for a name that is empty or holds '=': never for the constants passed here.
        libc().unsetenv(Arrays.copyOf(bytes, bytes.length + 1));
    }

    private ActivationLibC libc() {
        ActivationLibC loaded = libc;
        if (loaded == null) {
            loaded = LibraryLoader.create(ActivationLibC.class).load("c");
            libc = loaded;
        }
        return loaded;
    }

    private int errno() {
        return Runtime.getRuntime(libc()).getLastError();
    }
}
