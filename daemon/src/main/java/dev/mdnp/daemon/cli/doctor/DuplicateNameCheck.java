package dev.mdnp.daemon.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether other plugin entries (a socket in a subdirectory, stale spec or json files) carry mdnp's name, which Docker
 * could find instead; the other plugin sockets in the directory are named too.
 */
final class DuplicateNameCheck implements DoctorCheck {

    private final HostFiles host;
    private final Path pluginDir;
    private final String name;

    DuplicateNameCheck(HostFiles host, Path pluginDir, String name) {
        this.host = host;
        this.pluginDir = pluginDir;
        this.name = name;
    }

    @Override
    public List<Check> run() {
        // Docker's lookup order (moby pkg/plugins/discovery.go): DIR/NAME.sock, DIR/NAME/NAME.sock, then NAME.spec
        // and NAME.json in /etc/docker/plugins and /usr/lib/docker/plugins; the first found wins.
        List<Path> candidates = List.of(pluginDir.resolve(name).resolve(name + ".sock"),
                host.path("etc/docker/plugins").resolve(name + ".spec"),
                host.path("etc/docker/plugins").resolve(name + ".json"),
                host.path("usr/lib/docker/plugins").resolve(name + ".spec"),
                host.path("usr/lib/docker/plugins").resolve(name + ".json"));
        List<String> found = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                found.add(candidate.toString());
            }
        }
        String others = otherSockets();
        if (found.isEmpty()) {
            return List.of(Check.ok("no other plugin is named \"" + name + "\"" + others));
        }
        return List.of(Check.warn("other plugin entries are named \"" + name + "\": " + String.join(", ", found)
                + others, "Docker uses the first it finds, " + pluginDir.resolve(name + ".sock")
                + " before these: remove the stale ones"));
    }

    private String otherSockets() {
        if (!Files.isDirectory(pluginDir)) {
            return "";
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(pluginDir)) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(file -> file.endsWith(".sock") && !file.equals(name + ".sock"))
                    .sorted()
                    .forEach(names::add);
        } catch (IOException e) {
            return "";
        }
        return names.isEmpty() ? "" : " (other plugins in " + pluginDir + ": " + String.join(", ", names) + ")";
    }
}
