package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.testsupport.DaemonProcess;
import dev.mdnp.daemon.testsupport.Privilege;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.model.cnm.OptionKeys;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The daemon jar started by {@code systemd-socket-activate}, which binds the plugin socket, waits for the first
 * client and then execs the daemon with the socket on fd 3 ({@code LISTEN_FDS}) or, with {@code --inetd}, on fd 0:
 * the daemon serves that socket, and a SIGTERM stops it with status 0 and leaves the socket file in place for the
 * next start. Each daemon runs in a private network namespace ({@code unshare -n}); the socket is a file, so the test
 * reaches it from outside.
 */
@Tag("kernel")
class SocketActivationKernelTest {

    private static final String NAME = "mdnpact";
    private static final Path SOCKET_ACTIVATE = Path.of("/usr/bin/systemd-socket-activate");
    private static final String NET = "ac7a11a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** How systemd hands the socket over. */
    enum Handover {
        /** {@code LISTEN_PID}/{@code LISTEN_FDS=1}, the socket on fd 3: a .socket unit's default. */
        LISTEN_FDS(List.of()),
        /** The socket on standard input: {@code StandardInput=socket}. */
        STANDARD_INPUT(List.of("--inetd"));

        private final List<String> options;

        Handover(List<String> options) {
            this.options = options;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<DaemonProcess> started = new ArrayList<>();
    private Path workDir;
    private Path pluginDir;
    private Path socket;

    @BeforeEach
    void createWorkDir() throws IOException {
        Privilege.require(Privilege.isRoot(), "socket activation tests need root: they unshare a network namespace");
        Privilege.require(Files.isExecutable(SOCKET_ACTIVATE), SOCKET_ACTIVATE + " is missing (package systemd)");
        workDir = Files.createTempDirectory(Path.of("/tmp"), "mdnpt-act");
        pluginDir = Files.createDirectories(workDir.resolve("plugins"));
        socket = pluginDir.resolve(NAME + ".sock");
    }

    @AfterEach
    void stopAndDelete() throws Exception {
        for (DaemonProcess daemon : started) {
            daemon.kill();
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Handover.class)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void servesTheSocketFromSystemdStopsWithStatus0AndLeavesTheSocketForTheNextStart(Handover handover)
            throws Exception {
        // Starting waits until the socket accepts, which systemd-socket-activate does at once; that first
        // connection makes it exec the daemon, which then serves the calls below.
        DaemonProcess first = start(activatedBy(handover));
        Object fileKey = Files.getAttribute(socket, "unix:ino", LinkOption.NOFOLLOW_LINKS);

        try (UnixHttpClient plugin = UnixHttpClient.connect(socket)) {
            UnixHttpClient.Reply activate = plugin.post("/Plugin.Activate", "{}");
            assertThat(activate.status()).isEqualTo(200);
            assertThat(activate.body()).contains("NetworkDriver");
            call(plugin, "/NetworkDriver.CreateNetwork", Map.of("NetworkID", NET,
                    "Options", Map.of(OptionKeys.GENERIC, Map.of()),
                    "IPv4Data", List.of(Map.of("AddressSpace", "LocalDefault", "Pool", "10.124.0.0/24",
                            "Gateway", "10.124.0.1/24")),
                    "IPv6Data", List.of()));
            call(plugin, "/NetworkDriver.DeleteNetwork", Map.of("NetworkID", NET));
        }
        assertThat(first.log()).contains("serving plugin " + NAME + " on " + socket + " (socket from systemd)");

        assertThat(stop(first)).as("exit status after SIGTERM").isZero();

        assertThat(first.log()).contains("stopped");
        assertThat(Files.getAttribute(socket, "unix:ino", LinkOption.NOFOLLOW_LINKS))
                .as("the daemon neither removed nor replaced the socket file").isEqualTo(fileKey);
        // systemd-socket-activate exec'ed the daemon: with it the last listener is gone. systemd itself keeps
        // listening (the .socket unit); here the next systemd-socket-activate takes the stale file over.
        assertThat(refused(socket)).isTrue();

        DaemonProcess second = first.restart();
        started.add(second);
        try (UnixHttpClient plugin = UnixHttpClient.connect(socket)) {
            assertThat(plugin.post("/Plugin.Activate", "{}").status()).isEqualTo(200);
        }
        assertThat(stop(second)).isZero();
        assertThat(socket).exists();
        assertThat(second.log().split("\\(socket from systemd\\)", -1)).as("two starts served it").hasSize(3);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void withoutSystemdTheDaemonRemovesItsOwnSocketAndStopsWithStatus0() throws Exception {
        DaemonProcess own = start(List.of("unshare", "-n"));
        assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(own.log()).doesNotContain("socket from systemd");

        assertThat(stop(own)).isZero();

        assertThat(socket).doesNotExist();
    }

    private List<String> activatedBy(Handover handover) {
        List<String> wrapper = new ArrayList<>(List.of("unshare", "-n", SOCKET_ACTIVATE.toString()));
        wrapper.addAll(handover.options);
        wrapper.addAll(List.of("-l", socket.toString()));
        return wrapper;
    }

    private DaemonProcess start(List<String> wrapper) throws IOException {
        DaemonProcess daemon = DaemonProcess.start(new DaemonProcess.Launch(NAME, pluginDir, workDir, wrapper,
                List.of("--docker-host", "unix://" + workDir.resolve("no-docker.sock"))));
        started.add(daemon);
        return daemon;
    }

    /** Sends SIGTERM, as systemd's stop does, and returns the exit status. */
    private static int stop(DaemonProcess daemon) throws InterruptedException {
        Process process = daemon.process();
        process.destroy();
        assertThat(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("stopped in time").isTrue();
        return process.exitValue();
    }

    private void call(UnixHttpClient plugin, String path, Map<String, Object> body) throws IOException {
        UnixHttpClient.Reply reply = plugin.post(path, json.writeValueAsString(body));
        assertThat(reply.status()).as("%s: %s", path, reply.body()).isEqualTo(200);
    }

    private static boolean refused(Path socket) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }
}
