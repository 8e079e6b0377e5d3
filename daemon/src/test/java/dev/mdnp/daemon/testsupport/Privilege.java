package dev.mdnp.daemon.testsupport;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What privileged tests (kernel, end to end) demand of the machine. A missing piece skips the test loudly, through a
 * JUnit assumption, except under {@code CI=true}, where it fails the test: CI must never pass by skipping.
 */
public final class Privilege {

    private Privilege() {
    }

    /** Skips the test (fails it under {@code CI=true}) with {@code message} unless {@code condition} holds. */
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

    /** Returns true when the test JVM runs as root: /proc/self belongs to the process's effective uid. */
    public static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
