package dev.mdnp.daemon.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mdnp daemon run as a separate process from the built jar, as an operator runs it, with its log in a file.
 * {@link #close()} stops it with SIGTERM, as systemd does; {@link #kill()} with SIGKILL, as a crash does.
 */
public final class DaemonProcess implements AutoCloseable {

    private static final Pattern CALL_LINE = Pattern.compile(" call (\\S+) status=(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Launch launch;
    private final Process process;

    private DaemonProcess(Launch launch, Process process) {
        this.launch = launch;
        this.process = process;
    }

    /**
     * How to start a daemon: everything of its own lives in {@code workDir}, so daemons never share a file.
     *
     * @param name the plugin name
     * @param pluginDir the directory its socket goes in
     * @param workDir its state ({@code state/}), log ({@code daemon.log}) and inspect socket ({@code inspect.sock})
     * @param wrapper a command the java command line is appended to, such as {@code ip netns exec NS}; may be empty
     * @param extraArgs further {@code serve} arguments
     */
    public record Launch(String name, Path pluginDir, Path workDir, List<String> wrapper, List<String> extraArgs) {

        /** Copies the lists. */
        public Launch {
            wrapper = List.copyOf(wrapper);
            extraArgs = List.copyOf(extraArgs);
        }

        /** A launch without wrapper and extra arguments. */
        public static Launch of(String name, Path pluginDir, Path workDir) {
            return new Launch(name, pluginDir, workDir, List.of(), List.of());
        }

        /** Returns its {@code --state-dir}. */
        public Path stateDir() {
            return workDir.resolve("state");
        }

        /** Returns the file its output is appended to. */
        public Path logFile() {
            return workDir.resolve("daemon.log");
        }

        /** Returns its {@code --inspect-socket}. */
        public Path inspectSocket() {
            return workDir.resolve("inspect.sock");
        }
    }

    /** Starts {@code mdnp serve --name NAME --plugin-dir DIR --state-dir DIR} and waits until its socket serves. */
    public static DaemonProcess start(String name, Path pluginDir, Path workDir) throws IOException {
        return start(Launch.of(name, pluginDir, workDir));
    }

    /** Starts a daemon as {@code launch} says and waits until it has restored its state and serves every call. */
    public static DaemonProcess start(Launch launch) throws IOException {
        List<String> command = new ArrayList<>(launch.wrapper());
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-jar", E2eEnvironment.daemonJar().toString(),
                "serve", "--name", launch.name(), "--plugin-dir", launch.pluginDir().toString(),
                "--state-dir", launch.stateDir().toString(), "--inspect-socket", launch.inspectSocket().toString(),
                "--shutdown-grace", "5s"));
        command.addAll(launch.extraArgs());
        Path socket = launch.pluginDir().resolve(launch.name() + ".sock");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()))
                .start();
        DaemonProcess daemon = new DaemonProcess(launch, process);
        // The plugin socket serves Activate early in a start; the inspect socket appears once the state is restored.
        await().atMost(START_TIMEOUT).until(
                () -> accepts(socket) && accepts(launch.inspectSocket()) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("mdnp exited with " + process.exitValue() + ":\n" + daemon.log());
        }
        return daemon;
    }

    /** Returns whether something accepts connections on the socket: a stale file left by a killed daemon does not. */
    private static boolean accepts(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts the same daemon again, as {@link #start(Launch)} does; the log goes on in the same file. */
    public DaemonProcess restart() throws IOException {
        return start(launch);
    }

    /** Returns how it was started. */
    public Launch launch() {
        return launch;
    }

    /** Returns the plugin socket. */
    public Path socket() {
        return launch.pluginDir().resolve(launch.name() + ".sock");
    }

    /** Returns the process. */
    public Process process() {
        return process;
    }

    /** Returns everything the daemon has logged so far. */
    public String log() throws IOException {
        return Files.readString(launch.logFile(), StandardCharsets.UTF_8);
    }

    /** Returns the protocol methods of the calls logged so far, in order, e.g. {@code NetworkDriver.Join}. */
    public List<String> calls() throws IOException {
        List<String> calls = new ArrayList<>();
        for (String line : log().split("\n")) {
            Matcher matcher = CALL_LINE.matcher(line);
            if (matcher.find()) {
                calls.add(matcher.group(1));
            }
        }
        return calls;
    }

    /** Kills the daemon with SIGKILL, as a crash would, and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the daemon with SIGTERM and waits for it; kills it if it does not stop in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
