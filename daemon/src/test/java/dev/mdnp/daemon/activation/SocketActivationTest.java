package dev.mdnp.daemon.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.transport.ListenSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which socket systemd passed, told from the environment and standard input as sd_listen_fds(3) says. */
class SocketActivationTest {

    private static final long PID = 4242;

    private final RecordingProcessDescriptors descriptors = new RecordingProcessDescriptors();
    private Path directory;
    private Path socket;
    private ServerSocketChannel listening;

    @BeforeEach
    void bindAListeningSocket() throws IOException {
        directory = Files.createTempDirectory(Path.of("/tmp"), "act");
        socket = directory.resolve("mdnp.sock");
        listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listening.bind(UnixDomainSocketAddress.of(socket));
    }

    @AfterEach
    void closeAndDelete() throws IOException {
        listening.close();
        Files.deleteIfExists(socket);
        Files.delete(directory);
    }

    @Test
    void withoutVariablesOrSocketNothingIsTakenAndNothingChanged() {
        assertThat(activation(Map.of(), null).take()).isEmpty();

        assertThat(descriptors.calls).isEmpty();
    }

    @Test
    void listenFdsForThisProcessMovesFd3ToStandardInputBeforeAskingForTheChannel() {
        SocketActivation activation = new SocketActivation(listenFds(PID, "1"), PID, descriptors, () -> {
            descriptors.calls.add("inheritedChannel");
            return listening;
        });

        Optional<ListenSource.Inherited> taken = activation.take();

        assertThat(taken).map(ListenSource.Inherited::path).contains(socket);
        assertThat(descriptors.calls).containsExactly("unset LISTEN_PID", "unset LISTEN_FDS", "unset LISTEN_FDNAMES",
                "move 3", "inheritedChannel");
    }

    @Test
    void variablesMeantForAnotherProcessAreRemovedAndIgnored() {
        assertThat(activation(listenFds(PID + 1, "1"), null).take()).isEmpty();

        assertThat(descriptors.calls).containsExactly("unset LISTEN_PID", "unset LISTEN_FDS", "unset LISTEN_FDNAMES");
    }

    @Test
    void moreThanOneSocketIsRefusedWithoutMovingAnything() {
        assertThatThrownBy(() -> activation(listenFds(PID, "2"), listening).take())
                .isInstanceOf(ActivationException.class)
                .hasMessageContaining("LISTEN_FDS=2")
                .hasMessageContaining("a single ListenStream=");

        assertThat(descriptors.calls).doesNotContain("move 3");
    }

    @Test
    void zeroSocketsIsNoActivation() {
        assertThat(activation(listenFds(PID, "0"), null).take()).isEmpty();

        assertThat(descriptors.calls).doesNotContain("move 3");
    }

    @Test
    void listenFdsWithoutAListeningSocketOnFd3IsAnError() {
        assertThatThrownBy(() -> activation(listenFds(PID, "1"), null).take())
                .isInstanceOf(ActivationException.class)
                .hasMessageContaining("fd 3 is not a listening socket");
    }

    @Test
    void aListeningSocketOnStandardInputIsTakenWithoutVariables() {
        assertThat(activation(Map.of(), listening).take()).map(ListenSource.Inherited::path).contains(socket);

        assertThat(descriptors.calls).isEmpty();
    }

    @Test
    void aConnectedSocketOnStandardInputIsIgnored() throws IOException {
        try (SocketChannel connected = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            assertThat(activation(Map.of(), connected).take()).isEmpty();
        }
    }

    @Test
    void aListeningTcpSocketIsRefused() throws IOException {
        try (ServerSocketChannel tcp = ServerSocketChannel.open()) {
            tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThatThrownBy(() -> activation(Map.of(), tcp).take())
                    .isInstanceOf(ActivationException.class)
                    .hasMessageContaining("not on a UNIX socket file")
                    .hasMessageContaining("ListenStream=/run/docker/plugins/<name>.sock");
        }
    }

    private SocketActivation activation(Map<String, String> environment, @Nullable Channel onStandardInput) {
        return new SocketActivation(environment, PID, descriptors, () -> onStandardInput);
    }

    private static Map<String, String> listenFds(long pid, String count) {
        return Map.of("LISTEN_PID", Long.toString(pid), "LISTEN_FDS", count, "LISTEN_FDNAMES", "mdnp.socket",
                "PATH", "/usr/bin");
    }
}
