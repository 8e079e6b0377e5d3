package dev.mdnp.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.testsupport.UnixHttpClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server on a socket it was handed, as systemd hands one over: it serves it and leaves it as it found it. */
class UnixSocketServerInheritedTest {

    private Path directory;
    private Path socket;
    private ServerSocketChannel handedOver;

    @BeforeEach
    void bindTheSocketAsSystemdWould() throws IOException {
        directory = TestSockets.newDirectory();
        socket = directory.resolve("h.sock");
        handedOver = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        handedOver.bind(UnixDomainSocketAddress.of(socket), 16);
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
    }

    @AfterEach
    void closeAndDelete() throws IOException {
        handedOver.close();
        TestSockets.deleteRecursively(directory);
    }

    @Test
    void servesTheHandedOverSocketAtItsPath() throws IOException {
        try (UnixSocketServer server = UnixSocketServer.start(config(), new TestRoutes());
                UnixHttpClient client = UnixHttpClient.connect(socket)) {
            assertThat(client.post("/echo", "handed").body()).isEqualTo("handed");
            assertThat(server.socketPath()).isEqualTo(socket);
        }
    }

    @Test
    void neitherReplacesNorChmodsTheSocketFile() throws IOException {
        Object fileKey = Files.readAttributes(socket, BasicFileAttributes.class).fileKey();

        try (UnixSocketServer server = UnixSocketServer.start(config(), new TestRoutes())) {
            assertThat(Files.readAttributes(socket, BasicFileAttributes.class).fileKey()).isEqualTo(fileKey);
            assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-rw-rw-"));
        }
    }

    @Test
    void stopLeavesTheFileAndTheChannelOpenSoNewClientsQueueForTheNextServer() throws IOException {
        UnixSocketServer.start(config(), new TestRoutes()).close();

        assertThat(socket).exists();
        assertThat(handedOver.isOpen()).isTrue();
        try (SocketChannel queued = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            assertThat(queued.isConnected()).isTrue();
        }
    }

    @Test
    void closeFinishesRequestsInFlight() throws Exception {
        TestRoutes routes = new TestRoutes();
        UnixSocketServer server = UnixSocketServer.start(config(), routes);
        try (UnixHttpClient inFlight = UnixHttpClient.connect(socket)) {
            inFlight.send(UnixHttpClient.request("POST", "/slow", new byte[0]));
            assertThat(routes.slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            routes.releaseSlow.countDown();

            UnixHttpClient.Reply reply = inFlight.readReply();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("done");
            closing.get(10, TimeUnit.SECONDS);
            assertThat(server.openConnections()).isZero();
        } finally {
            routes.releaseSlow.countDown();
            server.close();
        }
    }

    @Test
    void aSecondServerServesTheSameSocketAfterTheFirstStopped() throws IOException {
        UnixSocketServer.start(config(), new TestRoutes()).close();

        try (UnixSocketServer again = UnixSocketServer.start(config(), new TestRoutes());
                UnixHttpClient client = UnixHttpClient.connect(socket)) {
            assertThat(client.post("/echo", "again").body()).isEqualTo("again");
        }
    }

    @Test
    void aSocketNotBoundToAUnixPathIsRefused() throws IOException {
        try (ServerSocketChannel tcp = ServerSocketChannel.open()) {
            tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThatThrownBy(() -> ListenSource.Inherited.of(tcp))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not on a UNIX socket file");
        }
    }

    private UnixSocketServerConfig config() throws IOException {
        return new UnixSocketServerConfig(ListenSource.Inherited.of(handedOver), 1024, 1, 2, PeerPolicy.anyone(),
                Duration.ofSeconds(5));
    }
}
