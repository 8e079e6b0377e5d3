package dev.mdnp.daemon.dataplane.firewall;

import static dev.mdnp.daemon.testsupport.Privilege.isRoot;
import static dev.mdnp.daemon.testsupport.Privilege.require;

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
}
