package dev.mdnp.daemon.dockerapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.URLDecoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for dockerd: an HTTP/1.1 server on a UNIX socket in a fresh directory under /tmp that answers each GET
 * path with a canned reply (404 with Docker's error JSON for a path it has none for), closes the connection after
 * each answer, and remembers every request. {@link #answerNothing()} makes it read requests and never answer.
 */
final class StubDockerEngine implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    /** The last four bytes of a request head, CR LF CR LF, as one big-endian int. */
    private static final int END_OF_HEAD = 0x0d0a0d0a;

    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean silent;

    private StubDockerEngine(Path directory, Path socket, ServerSocketChannel server) {
        this.directory = directory;
        this.socket = socket;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "stub-dockerd");
        acceptor.setDaemon(true);
    }

    /** Binds a fresh socket and starts accepting. */
    static StubDockerEngine start() throws IOException {
        // sun_path holds only 108 bytes: keep the path short.
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "dkr");
        Path socket = directory.resolve("docker.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        StubDockerEngine engine = new StubDockerEngine(directory, socket, server);
        engine.acceptor.start();
        return engine;
    }

    /** Returns the socket as a DOCKER_HOST value. */
    String dockerHost() {
        return "unix://" + socket;
    }

    /** Returns the socket's path. */
    Path socket() {
        return socket;
    }

    /** Answers every GET of {@code path} (the query ignored) with {@code status} and the JSON {@code body}. */
    void reply(String path, int status, String body) {
        replies.put(path, new Reply(status, body));
    }

    /** From now on reads each request and never answers it. */
    void answerNothing() {
        silent = true;
    }

    /** Returns the requests received so far, in order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SocketChannel connection : connections) {
            connection.close();
        }
        Files.deleteIfExists(socket);
        Files.deleteIfExists(directory);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (IOException closed) {
                return;
            }
            connections.add(connection);
            try {
                serve(connection);
            } catch (IOException clientWentAway) {
                closeQuietly(connection);
            }
        }
    }

    private void serve(SocketChannel connection) throws IOException {
        Request request = readHead(Channels.newInputStream(connection));
        requests.add(request);
        if (silent) {
            return;
        }
        Reply reply = replies.getOrDefault(request.path(),
                new Reply(404, "{\"message\":\"page not found\"}"));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + reply.status() + " Stub\r\n"
                + "Content-Type: application/json\r\n"
                + "Api-Version: 1.41\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        ByteBuffer out = ByteBuffer.allocate(head.length() + body.length)
                .put(head.getBytes(StandardCharsets.US_ASCII)).put(body).flip();
        while (out.hasRemaining()) {
            connection.write(out);
        }
        connection.close();
        connections.remove(connection);
    }

    private static Request readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != END_OF_HEAD) {
            int b = in.read();
            if (b == -1 || head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head incomplete");
            }
            head.write(b);
            lastFour = lastFour << 8 | b;
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        String host = "";
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("host:")) {
                host = line.substring("host:".length()).strip();
            }
        }
        return new Request(requestLine[0], requestLine[1], host);
    }

    private void closeQuietly(SocketChannel connection) {
        connections.remove(connection);
        try {
            connection.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot close a stub connection", e);
        }
    }

    /**
     * A request as the stub received it.
     *
     * @param method the HTTP method
     * @param target the request target, path and raw query
     * @param host the Host header, {@code ""} when absent
     */
    record Request(String method, String target, String host) {

        /** Returns the path without the query. */
        String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** Returns the query, percent-decoded; {@code ""} when there is none. */
        String decodedQuery() {
            int query = target.indexOf('?');
            return query < 0 ? "" : URLDecoder.decode(target.substring(query + 1), StandardCharsets.UTF_8);
        }
    }

    /** A canned answer. */
    private record Reply(int status, String body) {
    }
}
