package dev.mdnp.daemon.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
 * {@link #close()} stops it with SIGTERM, as systemd does.
 */
public final class DaemonProcess implements AutoCloseable {

    private static final Pattern CALL_LINE = Pattern.compile(" call (\\S+) status=(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path socket;
    private final Path log;

    private DaemonProcess(Process process, Path socket, Path log) {
        this.process = process;
        this.socket = socket;
        this.log = log;
    }

    /** Starts {@code mdnp serve --name NAME --plugin-dir DIR} and waits until its socket serves. */
    public static DaemonProcess start(String name, Path pluginDir, Path logFile) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-jar", E2eEnvironment.daemonJar().toString(),
                "serve", "--name", name, "--plugin-dir", pluginDir.toString(), "--shutdown-grace", "5s"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        DaemonProcess daemon = new DaemonProcess(process, pluginDir.resolve(name + ".sock"), logFile);
        await().atMost(START_TIMEOUT).until(() -> Files.exists(daemon.socket) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("mdnp exited with " + process.exitValue() + ":\n" + daemon.log());
        }
        return daemon;
    }

    /** Returns the plugin socket. */
    public Path socket() {
        return socket;
    }

    /** Returns the process. */
    public Process process() {
        return process;
    }

    /** Returns everything the daemon has logged so far. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
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

    /** Stops the daemon with SIGTERM and waits for it; kills it if it does not stop in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
