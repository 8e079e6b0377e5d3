package dev.mdnp.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTP/1.1 behaviour of the transport: bodies, keep-alive, pipelining, half-close, chunked upload, 100-continue. */
@Timeout(30)
class UnixSocketServerHttpTest {

    private Path directory;
    private Path socket;
    private UnixSocketServer server;

    @BeforeEach
    void start() throws IOException {
        directory = TestSockets.newDirectory();
        socket = directory.resolve("t.sock");
        server = UnixSocketServer.start(TestSockets.config(socket), new TestRoutes());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        TestSockets.deleteRecursively(directory);
    }

    @Test
    void postIsEchoed() throws IOException {
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            Reply response = client.post("/echo", "{\"Implements\":[\"NetworkDriver\"]}");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"Implements\":[\"NetworkDriver\"]}");
        }
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            for (int i = 0; i < 5; i++) {
                Reply response = client.post("/echo", "request " + i);

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("request " + i);
            }
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void emptyBodyIsEchoedAsEmpty() throws IOException {
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            Reply response = client.post("/echo", "");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyBytes()).isEmpty();
        }
    }

    @Test
    void oneMebibyteBodyPassesThroughBlockingHandler() throws IOException {
        assertBlockingCount(1 << 20);
    }

    @Test
    void twentyMebibyteBodyPassesThroughBlockingHandler() throws IOException {
        assertBlockingCount(20 << 20);
    }

    @Test
    void oneMebibyteBodyIsEchoedByNonBlockingHandler() throws IOException {
        byte[] body = randomBytes(1 << 20);
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            client.send(UnixHttpClient.request("POST", "/echo", body));
            Reply response = client.readReply();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyBytes()).isEqualTo(body);
        }
    }

    @Test
    void chunkedUploadIsDecoded() throws IOException {
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            client.send("POST /echo HTTP/1.1\r\nHost: mdnp\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n1;ext=1\r\n \r\n5\r\nworld\r\n0\r\n\r\n");
            Reply response = client.readReply();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hello world");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                all.append(new String(UnixHttpClient.request("POST", "/echo", ("p" + i).getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.US_ASCII));
            }
            client.send(all.toString());

            for (int i = 0; i < 4; i++) {
                assertThat(client.readReply().body()).isEqualTo("p" + i);
            }
        }
    }

    @Test
    void halfClosedClientIsStillAnswered() throws IOException {
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            client.send(UnixHttpClient.request("POST", "/echo", "half".getBytes(StandardCharsets.UTF_8)));
            client.shutdownOutput();

            Reply response = client.readReply();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("half");
        }
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBodyIsSent() throws IOException {
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            client.send("POST /echo HTTP/1.1\r\nHost: mdnp\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");

            assertThat(client.readReply().status()).isEqualTo(100);
            client.send("body");
            Reply response = client.readReply();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("body");
        }
    }

    @Test
    void http10WithoutHostGetsSyntheticAddresses() throws IOException {
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            client.send("GET /peer HTTP/1.0\r\n\r\n");
            Reply response = client.readReply();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).endsWith(" /127.0.0.1:0 localhost");
        }
    }

    private void assertBlockingCount(int size) throws IOException {
        byte[] body = randomBytes(size);
        CRC32 crc = new CRC32();
        crc.update(body);
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            client.send(UnixHttpClient.request("POST", "/count", body));
            Reply response = client.readReply();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(size + " " + Long.toHexString(crc.getValue()));
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
