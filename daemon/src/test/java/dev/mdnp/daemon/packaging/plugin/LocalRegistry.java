package dev.mdnp.daemon.packaging.plugin;

import static dev.mdnp.daemon.testsupport.Privilege.require;

import dev.mdnp.daemon.testsupport.HostCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * Debian's distribution registry ({@code docker-registry}) on 127.0.0.1 with its configuration and storage in a
 * directory of the test's, for {@code docker plugin push} and {@code upgrade} without Docker Hub: Docker allows plain
 * HTTP to registries on 127.0.0.0/8. The binary is {@code /usr/bin/docker-registry} when the package is installed,
 * else taken out of the package file ({@code apt-get download}), so that no registry service is installed or started.
 * Closing stops the process (by its handle, so its PID) and deletes the directory.
 */
final class LocalRegistry implements AutoCloseable {

    private static final Path INSTALLED = Path.of("/usr/bin/docker-registry");
    private static final Duration START = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final HostCommand.Background process;

    private LocalRegistry(Path dir, int port, HostCommand.Background process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts a registry in a new directory under {@code parent} and returns once it answers {@code /v2/}. */
    static LocalRegistry start(Path parent) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(parent, "mdnpt-registry-");
        Path binary = binary(dir);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("storage"), port));
        HostCommand.Background process = HostCommand.start(List.of(binary.toString(), "serve", config.toString()));
        LocalRegistry registry = new LocalRegistry(dir, port, process);
        try {
            Awaitility.await("registry on 127.0.0.1:" + port).atMost(START).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(registry::answers);
        } catch (RuntimeException e) {
            registry.close();
            throw new IllegalStateException("the registry did not answer; it printed: " + process.lines(), e);
        }
        return registry;
    }

    private static Path binary(Path dir) throws IOException, InterruptedException {
        if (Files.isExecutable(INSTALLED)) {
            return INSTALLED;
        }
        Path debs = Files.createDirectories(dir.resolve("deb"));
        HostCommand.ok("sh", "-c", "cd '" + debs + "' && apt-get download -q docker-registry");
        try (Stream<Path> files = Files.list(debs)) {
            Path deb = files.filter(file -> file.toString().endsWith(".deb")).findFirst().orElseThrow();
            HostCommand.ok("dpkg-deb", "-x", deb.toString(), debs.resolve("root").toString());
        }
        Path binary = debs.resolve("root/usr/bin/docker-registry");
        require(Files.isExecutable(binary), "docker-registry's package has no usr/bin/docker-registry");
        return binary;
    }

    private boolean answers() throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    /** Returns {@code 127.0.0.1:PORT}, the registry part of a reference. */
    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
