package dev.mdnp.daemon.dataplane;

import org.jspecify.annotations.Nullable;

/** A kernel setting under {@code /proc/sys} that could not be read or written; names the setting. */
public final class SysctlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the failure that caused it, if any. */
    public SysctlException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
