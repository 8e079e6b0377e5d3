package dev.mdnp.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (RawHttpClient client = RawHttpClient.connect(socket)) {
            RawHttpResponse response = client.exchange("/echo", "{\"Implements\":[\"NetworkDriver\"]}");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("{\"Implements\":[\"NetworkDriver\"]}");
        }
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
        try (RawHttpClient client = RawHttpClient.connect(socket)) {
            for (int i = 0; i < 5; i++) {
                RawHttpResponse response = client.exchange("/echo", "request " + i);

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).isEqualTo("request " + i);
            }
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void emptyBodyIsEchoedAsEmpty() throws IOException {
        try (RawHttpClient client = RawHttpClient.connect(socket)) {
            RawHttpResponse response = client.exchange("/echo", "");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
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
        try (RawHttpClient client = RawHttpClient.connect(socket)) {
            client.send(RawHttpClient.request("POST", "/echo", body));
            RawHttpResponse response = client.readResponse();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(body);
        }
    }

    @Test
    void chunkedUploadIsDecoded() throws IOException {
        try (RawHttpClient client = RawHttpClient.connect(socket)) {
            client.send("POST /echo HTTP/1.1\r\nHost: mdnp\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n1;ext=1\r\n \r\n5\r\nworld\r\n0\r\n\r\n");
            RawHttpResponse response = client.readResponse();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("hello world");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (RawHttpClient client = RawHttpClient.connect(socket)) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                all.append(new String(RawHttpClient.post("/echo", "p" + i), StandardCharsets.US_ASCII));
            }
            client.send(all.toString());

            for (int i = 0; i < 4; i++) {
                assertThat(client.readResponse().text()).isEqualTo("p" + i);
            }
        }
    }

    @Test
    void halfClosedClientIsStillAnswered() throws IOException {
        try (RawHttpClient client = RawHttpClient.connect(socket)) {
            client.send(RawHttpClient.post("/echo", "half"));
            client.shutdownOutput();

            RawHttpResponse response = client.readResponse();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("half");
        }
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBodyIsSent() throws IOException {
        try (RawHttpClient client = RawHttpClient.connect(socket)) {
            client.send("POST /echo HTTP/1.1\r\nHost: mdnp\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");

            assertThat(client.readResponse().status()).isEqualTo(100);
            client.send("body");
            RawHttpResponse response = client.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("body");
        }
    }

    @Test
    void http10WithoutHostGetsSyntheticAddresses() throws IOException {
        try (RawHttpClient client = RawHttpClient.connect(socket)) {
            client.send("GET /peer HTTP/1.0\r\n\r\n");
            RawHttpResponse response = client.readResponse();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).endsWith(" /127.0.0.1:0 localhost");
        }
    }

    private void assertBlockingCount(int size) throws IOException {
        byte[] body = randomBytes(size);
        CRC32 crc = new CRC32();
        crc.update(body);
        try (RawHttpClient client = RawHttpClient.connect(socket)) {
            client.send(RawHttpClient.request("POST", "/count", body));
            RawHttpResponse response = client.readResponse();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo(size + " " + Long.toHexString(crc.getValue()));
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
