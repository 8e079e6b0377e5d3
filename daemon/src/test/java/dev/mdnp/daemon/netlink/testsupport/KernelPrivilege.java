package dev.mdnp.daemon.netlink.testsupport;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether kernel tests may run: they need root (for {@code unshare(CLONE_NEWNET)} and {@code CAP_NET_ADMIN}). Without
 * it they are skipped loudly, except under {@code CI=true}, where they fail: CI must never pass by skipping.
 */
public final class KernelPrivilege {

    private KernelPrivilege() {
    }

    /** Skips the test (fails it under CI) unless the JVM runs as root. */
    public static void requireRoot() {
        require(isRoot(), "kernel tests need root");
    }

    /** Skips the test (fails it under CI) with {@code message} unless {@code condition} holds. */
    public static void require(boolean condition, String message) {
        if (condition) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true and " + message);
        }
        System.err.println("\n######## SKIPPED: " + message + " ########\n");
        assumeTrue(false, message);
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
