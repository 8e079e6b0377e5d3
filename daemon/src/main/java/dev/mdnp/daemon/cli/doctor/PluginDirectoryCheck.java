package dev.mdnp.daemon.cli.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether the directory Docker searches for plugin sockets exists. */
final class PluginDirectoryCheck implements DoctorCheck {

    private final Path pluginDir;

    PluginDirectoryCheck(Path pluginDir) {
        this.pluginDir = pluginDir;
    }

    @Override
    public List<Check> run() {
        if (Files.isDirectory(pluginDir)) {
            return List.of(Check.ok("plugin directory " + pluginDir + " exists"));
        }
        if (Files.exists(pluginDir)) {
            return List.of(Check.fail(pluginDir + " is not a directory", "move it away; Docker looks for plugin"
                    + " sockets in it"));
        }
        return List.of(Check.fail("plugin directory " + pluginDir + " does not exist",
                "start mdnp as root (sudo mdnp serve) and it creates it; Docker looks for legacy plugins only in"
                        + " /run/docker/plugins"));
    }
}
