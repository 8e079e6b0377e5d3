package dev.mdnp.daemon.cli.doctor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Whether the kernel supports one module mdnp needs (bridge, veth): loaded, built in, installed as a module, or
 * missing, from /sys/module, /proc/modules, the kernel's build options and /lib/modules.
 */
final class KernelModuleCheck implements DoctorCheck {

    private final HostFiles host;
    private final String kernelRelease;
    private final String module;
    private final String configKey;
    private final String modulePath;

    /**
     * Creates the check of one module.
     *
     * @param module the module's name, such as {@code bridge}
     * @param configKey its kernel build option, such as {@code CONFIG_BRIDGE}
     * @param modulePath its file below /lib/modules/RELEASE, such as {@code kernel/net/bridge/bridge.ko}
     */
    KernelModuleCheck(HostFiles host, String kernelRelease, String module, String configKey, String modulePath) {
        this.host = host;
        this.kernelRelease = kernelRelease;
        this.module = module;
        this.configKey = configKey;
        this.modulePath = modulePath;
    }

    @Override
    public List<Check> run() {
        return List.of(check());
    }

    private Check check() {
        if (Files.isDirectory(host.path("sys/module").resolve(module))
                || host.lines(host.path("proc/modules")).stream().anyMatch(line -> line.startsWith(module + " "))) {
            return Check.ok("kernel supports " + module + " (loaded)");
        }
        Path modules = host.path("lib/modules").resolve(kernelRelease);
        String config = kernelConfig();
        if (config.equals("y")
                || host.lines(modules.resolve("modules.builtin")).stream().anyMatch(this::isModule)) {
            return Check.ok("kernel supports " + module + " (built in)");
        }
        if (host.lines(modules.resolve("modules.dep")).stream().anyMatch(this::isModule)) {
            return Check.ok("kernel supports " + module + " (module, loaded on first use)");
        }
        String fix = "install the kernel's modules (e.g. linux-modules-extra-" + kernelRelease + ") or load it:"
                + " modprobe " + module;
        if (config.equals("m")) {
            return Check.fail("kernel " + kernelRelease + " has " + module + " as a module, but it is not"
                    + " installed", fix);
        }
        if (config.equals("n") || Files.isDirectory(modules)) {
            return Check.fail("no " + module + " support found in the kernel (" + kernelRelease + ")", fix);
        }
        return Check.warn("cannot tell whether the kernel supports " + module + ": no /proc/config.gz, "
                + "/boot/config-" + kernelRelease + " or /lib/modules/" + kernelRelease, "");
    }

    private boolean isModule(String line) {
        return line.startsWith(modulePath);
    }

    /**
     * Returns the module's kernel build option from /proc/config.gz or /boot/config-RELEASE: {@code y}, {@code m},
     * {@code n} for "is not set", or {@code ""} when neither file can be read.
     */
    private String kernelConfig() {
        List<String> config = new ArrayList<>();
        Path proc = host.path("proc/config.gz");
        if (Files.isReadable(proc)) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(proc)), StandardCharsets.UTF_8))) {
                reader.lines().forEach(config::add);
            } catch (IOException | UncheckedIOException unreadable) {
                config.clear();
            }
        }
        if (config.isEmpty()) {
            config = host.lines(host.path("boot").resolve("config-" + kernelRelease));
        }
        if (config.isEmpty()) {
            return "";
        }
        for (String line : config) {
            if (line.startsWith(configKey + "=")) {
                return line.substring(configKey.length() + 1).strip();
            }
        }
        return "n";
    }
}
