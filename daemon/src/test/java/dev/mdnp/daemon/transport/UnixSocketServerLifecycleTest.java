package dev.mdnp.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** The socket file's life (mode, stale, in use, not a socket), graceful close, and who may connect. */
@Timeout(30)
class UnixSocketServerLifecycleTest {

    private Path directory;
    private Path socket;

    @BeforeEach
    void createDirectory() throws IOException {
        directory = TestSockets.newDirectory();
        socket = directory.resolve("t.sock");
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        TestSockets.deleteRecursively(directory);
    }

    @Test
    void socketFileHasExactlyTheRequestedModeAndNoTemporaryDirectoryIsLeft() throws IOException {
        try (UnixSocketServer server = UnixSocketServer.start(TestSockets.config(socket), new TestRoutes())) {
            assertThat(Files.getPosixFilePermissions(socket, LinkOption.NOFOLLOW_LINKS))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (Stream<Path> entries = Files.list(directory)) {
                assertThat(entries).containsExactly(socket);
            }
            assertThat(server.socketPath()).isEqualTo(socket);
        }
    }

    @Test
    void groupModeIsAppliedToo() throws IOException {
        UnixSocketServerConfig config = new UnixSocketServerConfig(socket,
                PosixFilePermissions.fromString("rw-rw----"), 16, 1, 1, PeerPolicy.anyone(), Duration.ZERO);
        try (UnixSocketServer server = UnixSocketServer.start(config, new TestRoutes())) {
            assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
            assertThat(server.socketPath()).isEqualTo(socket);
        }
    }

    @Test
    void missingParentDirectoriesAreCreatedWithMode0755() throws IOException {
        Path nested = directory.resolve("a/b/t.sock");
        try (UnixSocketServer server = UnixSocketServer.start(TestSockets.config(nested), new TestRoutes());
                UnixHttpClient client = UnixHttpClient.connect(nested)) {
            assertThat(client.post("/echo", "nested").body()).isEqualTo("nested");
            assertThat(server.openConnections()).isEqualTo(1);
            assertThat(Files.getPosixFilePermissions(directory.resolve("a")))
                    .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(Files.getPosixFilePermissions(directory.resolve("a/b")))
                    .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void staleSocketFileIsReplaced() throws IOException {
        try (ServerSocketChannel abandoned = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            abandoned.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();

        try (UnixSocketServer server = UnixSocketServer.start(TestSockets.config(socket), new TestRoutes());
                UnixHttpClient client = UnixHttpClient.connect(socket)) {
            assertThat(client.post("/echo", "fresh").body()).isEqualTo("fresh");
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void liveServerOnThePathMakesStartFailAndKeepsServing() throws IOException {
        try (UnixSocketServer live = UnixSocketServer.start(TestSockets.config(socket), new TestRoutes())) {
            Object fileKey = Files.readAttributes(socket, BasicFileAttributes.class).fileKey();

            assertThatThrownBy(() -> UnixSocketServer.start(TestSockets.config(socket), new TestRoutes()))
                    .isInstanceOf(SocketInUseException.class)
                    .hasMessageContaining("another process already serves " + socket)
                    .hasMessageContaining("stop it or choose another --name");

            assertThat(Files.readAttributes(socket, BasicFileAttributes.class).fileKey())
                    .isEqualTo(fileKey);
            try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
                assertThat(client.post("/echo", "alive").body()).isEqualTo("alive");
                assertThat(live.openConnections()).isEqualTo(1);
            }
        }
    }

    @Test
    void regularFileOnThePathIsRefusedAndKept() throws IOException {
        Files.writeString(socket, "precious");

        assertThatThrownBy(() -> UnixSocketServer.start(TestSockets.config(socket), new TestRoutes()))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("not a socket");

        assertThat(socket).hasContent("precious");
        try (Stream<Path> entries = Files.list(directory)) {
            assertThat(entries).containsExactly(socket);
        }
    }

    @Test
    void closeRemovesTheFileRefusesNewClientsAndFinishesRequestsInFlight() throws Exception {
        TestRoutes routes = new TestRoutes();
        UnixSocketServer server = UnixSocketServer.start(TestSockets.config(socket), routes);
        try (UnixHttpClient inFlight = UnixHttpClient.connect(socket)) {
            inFlight.send(UnixHttpClient.request("POST", "/slow", new byte[0]));
            assertThat(routes.slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.notExists(socket));
            assertThatThrownBy(() -> UnixHttpClient.connect(socket)).isInstanceOf(IOException.class);
            assertThat(closing).isNotDone();

            routes.releaseSlow.countDown();
            Reply response = inFlight.readReply();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("done");
            closing.get(10, TimeUnit.SECONDS);
            assertThat(server.openConnections()).isZero();
        } finally {
            routes.releaseSlow.countDown();
            server.close();
        }
    }

    @Test
    void closeDropsRequestsStillRunningAfterTheGrace() throws Exception {
        TestRoutes routes = new TestRoutes();
        UnixSocketServerConfig config = new UnixSocketServerConfig(socket, PosixFilePermissions.fromString("rw-------"),
                16, 1, 1, PeerPolicy.anyone(), Duration.ofMillis(200));
        UnixSocketServer server = UnixSocketServer.start(config, routes);
        try (UnixHttpClient inFlight = UnixHttpClient.connect(socket)) {
            inFlight.send(UnixHttpClient.request("POST", "/slow", new byte[0]));
            assertThat(routes.slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);

            assertThat(inFlight.readToEnd()).as("the connection closes without an answer").isEmpty();
            routes.releaseSlow.countDown();
            closing.get(10, TimeUnit.SECONDS);
        } finally {
            routes.releaseSlow.countDown();
            server.close();
        }
    }

    /**
     * The handler blocked on a body that never comes is woken right after the grace, by the interrupt of the
     * worker's {@code shutdownNow}: the worker then ends on its own, so the server never reaches its fallback of
     * waiting for the worker and interrupting it again, which it would log.
     */
    @Test
    void closeWakesBlockingHandlerThatWaitsForBody() throws Exception {
        TestRoutes routes = new TestRoutes();
        UnixSocketServerConfig config = new UnixSocketServerConfig(socket, PosixFilePermissions.fromString("rw-------"),
                16, 1, 1, PeerPolicy.anyone(), Duration.ofMillis(100));
        UnixSocketServer server = UnixSocketServer.start(config, routes);
        Logger logger = (Logger) LoggerFactory.getLogger(UnixSocketServer.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (UnixHttpClient stalled = UnixHttpClient.connect(socket)) {
            stalled.send("POST /count HTTP/1.1\r\nHost: mdnp\r\nContent-Length: 1000\r\n\r\nonly this");
            assertThat(routes.countEntered.await(10, TimeUnit.SECONDS)).isTrue();

            server.close();

            assertThat(routes.countFailures.get()).isEqualTo(1);
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(line -> line.startsWith("requests still running after the grace period"))
                    .noneMatch(line -> line.startsWith("worker tasks still running"));
        } finally {
            logger.detachAppender(appender);
            server.close();
        }
    }

    @Test
    void closeTwiceIsHarmless() throws IOException {
        UnixSocketServer server = UnixSocketServer.start(TestSockets.config(socket), new TestRoutes());
        server.close();
        server.close();

        assertThat(socket).doesNotExist();
    }

    @Test
    void refusedPeerIsClosedWithoutAnAnswer() throws IOException {
        int me = TestSockets.ownUid();
        UnixSocketServerConfig config = new UnixSocketServerConfig(socket, PosixFilePermissions.fromString("rw-------"),
                16, 1, 1, peer -> peer.uid() != me, Duration.ZERO);
        try (UnixSocketServer server = UnixSocketServer.start(config, new TestRoutes());
                UnixHttpClient client = UnixHttpClient.connect(socket)) {
            // Nothing sent: the refused connection then ends in a clean EOF rather than a reset of unread data.
            assertThat(client.readToEnd()).isEmpty();
            assertThat(server.openConnections()).isZero();
        }
    }

    @Test
    void policyRejectingUidZeroClosesConnectionsOfRoot() throws IOException {
        TestSockets.requireRoot();
        UnixSocketServerConfig config = new UnixSocketServerConfig(socket, PosixFilePermissions.fromString("rw-------"),
                16, 1, 1, peer -> peer.uid() != 0, Duration.ZERO);
        try (UnixSocketServer server = UnixSocketServer.start(config, new TestRoutes());
                UnixHttpClient client = UnixHttpClient.connect(socket)) {
            assertThat(client.readToEnd()).isEmpty();
            assertThat(server.openConnections()).isZero();
        }
    }

    @Test
    void handlerSeesRootCredentials() throws IOException {
        TestSockets.requireRoot();
        UnixSocketServerConfig config = new UnixSocketServerConfig(socket, PosixFilePermissions.fromString("rw-------"),
                16, 1, 1, PeerPolicy.rootOnly(), Duration.ZERO);
        try (UnixSocketServer server = UnixSocketServer.start(config, new TestRoutes());
                UnixHttpClient client = UnixHttpClient.connect(socket)) {
            Reply response = client.post("/peer", "");

            assertThat(response.body()).startsWith("0 " + TestSockets.ownGid() + " -1 ");
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }
}
