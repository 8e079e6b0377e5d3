package dev.mdnp.daemon.packaging.systemd;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.HostCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A Debian container on the private engine with systemd as PID 1 and mdnp installed in it from a staged
 * {@code scripts/install --root} tree, its {@code mdnp.socket} enabled, so that Docker reaches the mdnp that this
 * systemd runs: the container shares the host's network namespace, its {@code /run/docker/plugins} is a host directory
 * of the test's, and a spec file {@code /etc/docker/plugins/mdnpt-sd-PID.spec} points Docker's legacy plugin discovery
 * at the socket there, under the driver name {@code mdnpt-sd-PID} (set as the daemon's {@code driver-name}).
 * Closing removes the container, the spec file and the host directory.
 *
 * <p>The container is not {@code --privileged}: runc then applies every capability, and fails ("unable to apply caps")
 * where the engine's own bounding set lacks one (CAP_SYS_RESOURCE on the test VMs). It gets every capability the engine
 * has, no seccomp or AppArmor profile, writable {@code /proc/sys} ({@code systempaths=unconfined}; mdnp writes
 * {@code ip_forward}) and the host's cgroup tree, in which systemd nests its units under the container's cgroup. The
 * engine's network namespace files are not visible in it (a bind mount of them needs a shared mount on the host), so
 * the inspect socket's {@code /v1/containers} cannot read the containers' interfaces here.
 */
final class SystemdRig implements AutoCloseable {

    static final String IMAGE = "mdnpt-systemd:bookworm";
    private static final List<String> PACKAGES = List.of("systemd", "systemd-sysv", "iptables", "iproute2", "curl",
            "libstdc++6");
    private static final Path SPEC_DIR = Path.of("/etc/docker/plugins");
    private static final Duration IMAGE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);

    private final DockerCli docker;
    private final String name;
    private final Path hostDir;
    private final Path spec;
    private final boolean madeSpecDir;
    private Duration imageBuild = Duration.ZERO;
    private Duration boot = Duration.ZERO;

    private SystemdRig(DockerCli docker, String name, Path hostDir, Path spec, boolean madeSpecDir) {
        this.docker = docker;
        this.name = name;
        this.hostDir = hostDir;
        this.spec = spec;
        this.madeSpecDir = madeSpecDir;
    }

    /**
     * Builds the image if the engine lacks it, boots the container, copies the staged install in and enables
     * {@code mdnp.socket}; on any failure removes what it made.
     */
    static SystemdRig start(String host, StagedInstall staged) throws IOException, InterruptedException {
        String name = "mdnpt-sd-" + ProcessHandle.current().pid();
        Path hostDir = Path.of("/run/mdnpt-systemd-" + ProcessHandle.current().pid());
        boolean madeSpecDir = !Files.isDirectory(SPEC_DIR);
        SystemdRig rig = new SystemdRig(new DockerCli(host), name, hostDir, SPEC_DIR.resolve(name + ".spec"),
                madeSpecDir);
        try {
            rig.buildImage(host, staged.repository());
            rig.boot(host, staged);
            rig.install(host, staged);
            return rig;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            rig.close();
            throw e;
        }
    }

    private void buildImage(String host, Path repository) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("env", "DOCKER_HOST=" + host, "bash", "-c",
                "source \"$0\" && debian_image --change 'CMD [\"/sbin/init\"]' --change 'ENV container=docker'"
                        + " \"$@\"",
                repository.resolve("scripts/lib/debian-image.sh").toString(), IMAGE, "bookworm"));
        command.addAll(PACKAGES);
        HostCommand.Result result = HostCommand.run(IMAGE_TIMEOUT, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("building " + IMAGE + " failed: " + result.err());
        }
        imageBuild = Duration.ofNanos(System.nanoTime() - start);
    }

    private void boot(String host, StagedInstall staged) throws IOException, InterruptedException {
        Files.createDirectories(hostDir.resolve("plugins"));
        String engineSocket = host.replaceFirst("^unix://", "");
        long start = System.nanoTime();
        docker.ok("run", "-d", "--name", name, "--stop-signal", "SIGRTMIN+3", "--network", "host",
                "--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE", "--security-opt", "seccomp=unconfined",
                "--security-opt", "apparmor=unconfined", "--security-opt", "systempaths=unconfined",
                "--cgroupns=host", "-v", "/sys/fs/cgroup:/sys/fs/cgroup:rw", "--tmpfs", "/run", "--tmpfs", "/run/lock",
                "-v", hostDir.resolve("plugins") + ":/run/docker/plugins",
                "-v", staged.app() + ":/opt/mdnp:ro",
                "-v", engineSocket + ":" + engineSocket, IMAGE);
        Awaitility.await("systemd in " + name + " is running").atMost(BOOT_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> docker.run("exec", name, "systemctl", "is-system-running").out()
                        .matches("running|degraded"));
        boot = Duration.ofNanos(System.nanoTime() - start);
    }

    private void install(String host, StagedInstall staged) throws IOException, InterruptedException {
        docker.ok("cp", staged.root().resolve("etc") + "/.", name + ":/etc/");
        docker.ok("cp", staged.root().resolve("usr") + "/.", name + ":/usr/");
        exec("sh", "-c", "printf 'driver-name = %s\\ndocker-host = %s\\n' \"$0\" \"$1\" >> /etc/mdnp/mdnp.conf",
                name, host);
        exec("systemctl", "daemon-reload");
        exec("systemctl", "enable", "--now", "mdnp.socket");
        Files.createDirectories(SPEC_DIR);
        Files.writeString(spec, "unix://" + pluginSocket() + "\n", StandardCharsets.UTF_8);
    }

    /** The driver name Docker knows this mdnp by. */
    String driver() {
        return name;
    }

    /** The plugin socket as the host sees it. */
    Path pluginSocket() {
        return hostDir.resolve("plugins/mdnp.sock");
    }

    /** Runs {@code COMMAND} in the container and returns its output; fails when it exits non-zero. */
    String exec(String... command) throws IOException, InterruptedException {
        return docker.ok(execArgs(command));
    }

    /** Runs {@code COMMAND} in the container and returns its result. */
    DockerCli.Result tryExec(String... command) throws IOException, InterruptedException {
        return docker.run(execArgs(command));
    }

    private String[] execArgs(String... command) {
        List<String> args = new ArrayList<>(List.of("exec", name));
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }

    /** {@code systemctl show -p PROPERTY --value UNIT} in the container. */
    String property(String unit, String property) throws IOException, InterruptedException {
        return exec("systemctl", "show", "-p", property, "--value", unit);
    }

    /** How long the image build took (near zero when the engine had the image). */
    Duration imageBuild() {
        return imageBuild;
    }

    /** From {@code docker run} to systemd's {@code running}. */
    Duration boot() {
        return boot;
    }

    /** The journal of {@code mdnp.service} and {@code mdnp.socket}, for failure messages. */
    String journal() throws IOException, InterruptedException {
        return tryExec("journalctl", "--no-pager", "-u", "mdnp.service", "-u", "mdnp.socket").out();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        docker.run("rm", "-f", name);
        Files.deleteIfExists(spec);
        if (madeSpecDir && Files.isDirectory(SPEC_DIR)) {
            try (var left = Files.list(SPEC_DIR)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(SPEC_DIR);
                }
            }
        }
        HostCommand.ok("rm", "-rf", hostDir.toString());
    }
}
