package dev.mdnp.daemon.packaging.systemd;

import dev.mdnp.daemon.testsupport.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tree made by {@code scripts/install --root DIR} under {@code /var/tmp/mdnpt-install-PID}: made once per test run by
 * {@link StagedInstallExtension} and removed at its end.
 *
 * @param repository the repository's root
 * @param root the DIR the files were staged under
 * @param took how long the install ran (build of the runtime and the training run included)
 */
record StagedInstall(Path repository, Path root, Duration took) {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    /** Runs {@code scripts/install --root} into a new directory; fails with its output when it fails. */
    static StagedInstall make() throws IOException, InterruptedException {
        Path repository = Path.of("..").toRealPath();
        Path root = Path.of("/var/tmp/mdnpt-install-" + ProcessHandle.current().pid());
        HostCommand.ok("rm", "-rf", root.toString());
        long start = System.nanoTime();
        HostCommand.Result result = install(repository, root);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("scripts/install --root " + root + " failed (" + result.exitCode()
                    + "):\n" + result.out() + "\n" + result.err());
        }
        return new StagedInstall(repository, root, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Runs {@code scripts/install ARGS} of {@code repository} and returns its result. */
    static HostCommand.Result install(Path repository, Path root, String... args)
            throws IOException, InterruptedException {
        return script(repository, "install", root, args);
    }

    /** Runs {@code scripts/uninstall --root ROOT ARGS} of {@code repository} and returns its result. */
    static HostCommand.Result uninstall(Path repository, Path root, String... args)
            throws IOException, InterruptedException {
        return script(repository, "uninstall", root, args);
    }

    private static HostCommand.Result script(Path repository, String name, Path root, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repository.resolve("scripts/" + name).toString(),
                "--root", root.toString()));
        command.addAll(List.of(args));
        return HostCommand.run(INSTALL_TIMEOUT, command);
    }

    /** The staged application directory, {@code DIR/opt/mdnp}. */
    Path app() {
        return root.resolve("opt/mdnp");
    }

    /** Copies the staged tree to {@code target} (which must not exist), keeping modes, times and links. */
    void copyTo(Path target) throws IOException, InterruptedException {
        Files.createDirectories(target.getParent());
        HostCommand.ok("cp", "-a", root.toString(), target.toString());
    }

    /** Removes the staged tree. */
    void remove() throws IOException, InterruptedException {
        HostCommand.ok("rm", "-rf", root.toString());
    }
}
