package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the firewall's kernel tests need from the machine: root and some programs. A missing piece skips the test
 * loudly, except under {@code CI=true}, where it fails it: CI must never pass by skipping.
 */
final class KernelTestEnvironment {

    private static final ProcessCommandRunner HOST = Namespaces.hostRunner();

    private KernelTestEnvironment() {
    }

    /** Skips (fails under CI) unless the test runs as root and every program is on {@code PATH}. */
    static void requireRootAnd(String... programs) {
        require(isRoot(), "firewall kernel tests need root (they create network namespaces)");
        for (String program : programs) {
            require(HOST.isInstalled(program), "firewall kernel tests need " + program + " on PATH");
        }
    }

    /** Skips (fails under CI) unless {@code condition} holds. */
    static void require(boolean condition, String message) {
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
