package dev.mdnp.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Clients that misbehave or come in numbers: disconnects at every stage leak nothing, and nobody waits for others. */
@Timeout(60)
class UnixSocketServerLoadTest {

    private static final int ROUNDS = 50;
    private static final int WORKER_THREADS = 2;
    // Worker threads start lazily and each keeps a blocking-wait selector (a few fds) once it has waited.
    private static final long FD_SLACK = 4L * WORKER_THREADS;

    private Path directory;
    private Path socket;
    private TestRoutes routes;
    private UnixSocketServer server;

    @BeforeEach
    void start() throws IOException {
        directory = TestSockets.newDirectory();
        socket = directory.resolve("t.sock");
        routes = new TestRoutes();
        server = UnixSocketServer.start(new UnixSocketServerConfig(socket, PosixFilePermissions.fromString("rw-------"),
                1024, 1, WORKER_THREADS, PeerPolicy.anyone(), Duration.ofSeconds(5)), routes);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        TestSockets.deleteRecursively(directory);
    }

    @Test
    void disconnectsAtEveryStageLeakNeitherConnectionsNorDescriptors() throws IOException {
        runDisconnectRound(1);
        awaitIdle();
        long baseline = TestSockets.openFileDescriptors();

        runDisconnectRound(ROUNDS);

        awaitIdle();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(TestSockets.openFileDescriptors()).isLessThanOrEqualTo(baseline + FD_SLACK));
        // Both handlers saw every broken body: one per round plus the warm-up.
        await().atMost(Duration.ofSeconds(10)).until(() -> routes.echoFailures.get() == ROUNDS + 1
                && routes.countFailures.get() == ROUNDS + 1);
    }

    @Test
    void twoHundredConcurrentKeepAliveClientsAllSucceed() throws Exception {
        int clients = 200;
        int requestsEach = 5;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    go.await();
                    int ok = 0;
                    try (UnixHttpClient http = UnixHttpClient.connect(socket)) {
                        for (int r = 0; r < requestsEach; r++) {
                            Reply response = http.post("/echo", client + "/" + r);
                            if (response.status() == 200 && response.body().equals(client + "/" + r)) {
                                ok++;
                            }
                        }
                    }
                    return ok;
                }));
            }
            go.countDown();
            int succeeded = 0;
            for (Future<Integer> result : results) {
                succeeded += result.get(30, TimeUnit.SECONDS);
            }

            assertThat(succeeded).isEqualTo(clients * requestsEach);
        } finally {
            pool.shutdownNow();
        }
        awaitIdle();
    }

    /**
     * A request that stops half-way holds no thread the other clients need: the fast client is answered 20 times
     * while the slow request is still incomplete (a server that waited for it would hang here, until {@code @Timeout}),
     * and the slow one is answered once its last byte arrives, one byte at a time.
     */
    @Test
    void slowClientDoesNotDelayFastClient() throws Exception {
        byte[] request = "GET /hello HTTP/1.1\r\nHost: mdnp\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int head = 3;
        try (UnixHttpClient slow = UnixHttpClient.connect(socket); UnixHttpClient fast = UnixHttpClient.connect(socket)) {
            slow.send(Arrays.copyOf(request, head));

            for (int i = 0; i < 20; i++) {
                assertThat(fast.post("/echo", "fast " + i).body()).isEqualTo("fast " + i);
            }

            for (int next = head; next < request.length; next++) {
                slow.send(new byte[] {request[next]});
            }
            assertThat(slow.readReply().body()).isEqualTo("hello");
        }
    }

    private void runDisconnectRound(int times) throws IOException {
        for (int i = 0; i < times; i++) {
            // Mid-headers.
            try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
                client.send("POST /echo HTTP/1.1\r\nHost: mdnp\r\nContent-Le");
            }
            // Mid-body, non-blocking handler, then mid-body, blocking handler.
            for (String path : List.of("/echo", "/count")) {
                try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
                    client.send("POST " + path + " HTTP/1.1\r\nHost: mdnp\r\nContent-Length: 1000000\r\n\r\n");
                    client.send(new byte[100]);
                }
            }
            // Whole request, reply never read.
            try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
                client.send(UnixHttpClient.request("POST", "/echo", "bye".getBytes(StandardCharsets.UTF_8)));
            }
        }
        // Accepts are in order: once this answers, every connection above has been accepted.
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            assertThat(client.post("/echo", "still here").body()).isEqualTo("still here");
        }
    }

    private void awaitIdle() {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
    }
}
