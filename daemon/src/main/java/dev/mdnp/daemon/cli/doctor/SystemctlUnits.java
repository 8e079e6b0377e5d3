package dev.mdnp.daemon.cli.doctor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link UnitStates} by {@code systemctl is-active UNIT}, asked only when systemd is the init system (the directory
 * {@code /run/systemd/system} exists, as {@code sd_booted(3)} checks) and systemctl is on the search path. The
 * doctor's only process: it reads, and changes nothing.
 */
final class SystemctlUnits implements UnitStates {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HostFiles host;
    private final List<Path> searchPath;

    SystemctlUnits(HostFiles host, List<Path> searchPath) {
        this.host = host;
        this.searchPath = List.copyOf(searchPath);
    }

    @Override
    public Optional<String> activeState(String unit) {
        if (!Files.isDirectory(host.path("run/systemd/system"))) {
            return Optional.empty();
        }
        Optional<Path> systemctl = searchPath.stream().map(directory -> directory.resolve("systemctl"))
                .filter(Files::isExecutable).findFirst();
        if (systemctl.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(systemctl.get().toString(), "is-active", unit)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            // is-active exits non-zero for every state but active; the state is what it prints.
            String state = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return state.isEmpty() ? Optional.empty() : Optional.of(state);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
