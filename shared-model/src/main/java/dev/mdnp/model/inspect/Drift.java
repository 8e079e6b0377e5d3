package dev.mdnp.model.inspect;

/** Whether a link the inspector shows agrees between mdnp's state and the kernel. */
public enum Drift {
    /** The state knows it and the kernel has it. */
    NONE,
    /** The state knows it, the kernel does not have it (a container end in its container counts as present). */
    MISSING_IN_KERNEL,
    /** The kernel has a link with mdnp's prefix that the state does not know. */
    UNKNOWN_TO_STATE
}
