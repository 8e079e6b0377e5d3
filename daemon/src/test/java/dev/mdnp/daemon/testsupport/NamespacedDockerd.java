package dev.mdnp.daemon.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Docker engine of its own in a network namespace, with its own mount and UTS namespaces, as
 * {@code scripts/lib/netns-dockerd} starts it (multihost-feasibility.md §1): everything it keeps is under one
 * directory, its containers' cgroups under a parent of its own, its plugin directory is private, and it never sees or
 * touches the machine's other engines. The process this class starts ends up being dockerd itself, so
 * {@link #close()} signals exactly the engine it started; dockerd stops its own containerd. Not thread-safe.
 */
public final class NamespacedDockerd implements AutoCloseable {

    /** dockerd answers in about a second; the rest is slack for a loaded machine. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    /** dockerd waits for its containerd to stop, about 2 s. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROCESSES_GONE = Duration.ofSeconds(10);
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final String netns;
    private final Path dir;
    private final String cgroupParent;
    private final DockerCli docker;

    private NamespacedDockerd(Process process, String netns, Path dir, String cgroupParent) {
        this.process = process;
        this.netns = netns;
        this.dir = dir;
        this.cgroupParent = cgroupParent;
        this.docker = new DockerCli(host(dir));
    }

    /**
     * Starts {@code script NETNS DIR --cgroup-parent /CGROUP_PARENT ARGS...}, its output appended to
     * {@code DIR/dockerd.log}, and waits until the engine answers {@code docker version}; stops it again and fails
     * with the log's tail when it does not.
     *
     * @param script {@code scripts/lib/netns-dockerd}
     * @param netns the network namespace it runs in, made by {@code ip netns add}
     * @param dir its directory (absolute)
     * @param cgroupParent the name of the cgroup its containers go below, in every hierarchy
     * @param dockerdArgs further dockerd flags, such as {@code --iptables=false}
     */
    public static NamespacedDockerd start(Path script, String netns, Path dir, String cgroupParent,
            List<String> dockerdArgs) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(script.toString(), netns, dir.toString(),
                "--cgroup-parent", "/" + cgroupParent));
        command.addAll(dockerdArgs);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dockerd.log").toFile()))
                .redirectInput(new File("/dev/null"))
                .start();
        NamespacedDockerd dockerd = new NamespacedDockerd(process, netns, dir, cgroupParent);
        try {
            await().atMost(ANSWER_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || dockerd.answers());
        } catch (ConditionTimeoutException e) {
            dockerd.close();
            throw new IllegalStateException("dockerd in " + netns + " did not answer within " + ANSWER_TIMEOUT
                    + "; its log ends with:\n" + dockerd.logTail(), e);
        }
        if (!process.isAlive()) {
            String log = dockerd.logTail();
            dockerd.close();
            throw new IllegalStateException("dockerd in " + netns + " exited with " + process.exitValue()
                    + "; its log ends with:\n" + log);
        }
        return dockerd;
    }

    private static String host(Path dir) {
        return "unix://" + dir.resolve("docker.sock");
    }

    private boolean answers() throws IOException, InterruptedException {
        return docker.run("version").exitCode() == 0;
    }

    /** Returns its DOCKER_HOST value. */
    public String host() {
        return host(dir);
    }

    /** Returns a docker CLI for it. */
    public DockerCli docker() {
        return docker;
    }

    /** Returns the directory it looks for plugin sockets in: its {@code /run/docker/plugins}, seen from outside. */
    public Path pluginDir() {
        return dir.resolve("run-docker").resolve("plugins");
    }

    /** Returns the last lines of its log. */
    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("dockerd.log"), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    /**
     * Stops dockerd with SIGTERM (SIGKILL when it does not stop in time); then kills by PID whatever is still in its
     * network namespace, which after a clean stop is nothing (after a crash: its containerd and shims; stop anything
     * else of yours in it first), and removes its cgroups. Leaves its directory.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        boolean stopped = stop();
        killWhatIsLeftInTheNamespace();
        removeCgroups();
        if (!stopped) {
            throw new IllegalStateException("dockerd in " + netns + " did not stop within " + STOP_TIMEOUT
                    + " of SIGTERM; killed it");
        }
    }

    private boolean stop() throws InterruptedException {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly().waitFor();
        return false;
    }

    private void killWhatIsLeftInTheNamespace() throws IOException, InterruptedException {
        if (!Files.exists(NetnsShell.netnsPath(netns))) {
            return;
        }
        List<ProcessHandle> left = NetnsShell.here().ok("ip", "netns", "pids", netns).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(Long::parseLong)
                .flatMap(pid -> ProcessHandle.of(pid).stream())
                .toList();
        if (left.isEmpty()) {
            return;
        }
        System.err.println("killing processes left in " + netns + ": " + left.stream()
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList());
        left.forEach(ProcessHandle::destroyForcibly);
        await().atMost(PROCESSES_GONE).until(() -> left.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** Removes its cgroup parent in each hierarchy (cgroup v1 and v2), with any container cgroup left below it. */
    private void removeCgroups() throws IOException {
        List<Path> parents = new ArrayList<>(List.of(CGROUP_ROOT.resolve(cgroupParent)));
        try (Stream<Path> hierarchies = Files.list(CGROUP_ROOT)) {
            hierarchies.map(hierarchy -> hierarchy.resolve(cgroupParent)).forEach(parents::add);
        }
        for (Path parent : parents) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            List<Path> cgroups;
            try (Stream<Path> walk = Files.walk(parent)) {
                cgroups = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
            }
            for (Path cgroup : cgroups) {
                Files.delete(cgroup); // rmdir: a cgroup's control files go with it
            }
        }
    }
}
