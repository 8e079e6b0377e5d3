package dev.mdnp.model.client;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a local HTTP server on a UNIX socket — the daemon's inspect socket or dockerd's — for the unit tests
 * of the inspect client, the CLI and the Docker API client (shared through shared-model's test jar). It listens in a
 * fresh directory under /tmp, answers each GET path (query ignored) with a canned reply, 404 for a path it has none
 * for (the body carries both dockerd's {@code message} and mdnp's {@code Err}), and closes the connection after each
 * answer. Each events connection ({@code /v1/events}, Docker's {@code /v1.41/events}) takes the next scripted
 * stream: its chunks are written one by one, then the connection is closed or held open; with no stream scripted it
 * answers 503. {@link #answerNothing()} makes it
 * read requests and never answer. Every request is remembered.
 */
public final class StubHttpServer implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int END_OF_HEAD = 0x0d0a0d0a;

    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Queue<Stream> streams = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Request> arrivals = new LinkedBlockingQueue<>();
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean silent;

    private StubHttpServer(Path directory, Path socket, ServerSocketChannel server) {
        this.directory = directory;
        this.socket = socket;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "stub-http");
        acceptor.setDaemon(true);
    }

    /** Binds a fresh socket and starts accepting. */
    public static StubHttpServer start() throws IOException {
        // sun_path holds only 108 bytes: keep the path short.
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "stub");
        Path socket = directory.resolve("inspect.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        StubHttpServer stub = new StubHttpServer(directory, socket, server);
        stub.acceptor.start();
        return stub;
    }

    /** Returns the socket's path. */
    public Path socket() {
        return socket;
    }

    /** Returns the socket as a DOCKER_HOST value. */
    public String dockerHost() {
        return "unix://" + socket;
    }

    /** From now on reads each request and never answers it. */
    public void answerNothing() {
        silent = true;
    }

    /** Answers every GET of {@code path} with {@code status} and the JSON {@code body}. */
    public void reply(String path, int status, String body) {
        replies.put(path, new Reply(status, "application/json", body));
    }

    /** Answers every GET of {@code path} with {@code status}, {@code contentType} and {@code body}. */
    public void reply(String path, int status, String contentType, String body) {
        replies.put(path, new Reply(status, contentType, body));
    }

    /** Scripts the next event stream: writes the chunks, then closes the connection. */
    public void streamThenClose(String... chunks) {
        streams.add(new Stream(List.of(chunks), false, ""));
    }

    /** As {@link #streamThenClose}, with the daemon's run named in the {@code Mdnp-Started-At} header. */
    public void streamOfRunThenClose(String run, String... chunks) {
        streams.add(new Stream(List.of(chunks), false, run));
    }

    /** Scripts the next event stream: writes the chunks, then holds the connection open until the stub closes. */
    public void streamThenHold(String... chunks) {
        streams.add(new Stream(List.of(chunks), true, ""));
    }

    /** Returns the requests received so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits up to 10 s for the next request not yet taken by this method. */
    public Request nextRequest() throws InterruptedException {
        Request request = arrivals.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the stub within 10 s");
        }
        return request;
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
            Thread worker = new Thread(() -> serve(connection), "stub-http-conn");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void serve(SocketChannel connection) {
        try {
            Request request = readHead(Channels.newInputStream(connection));
            requests.add(request);
            arrivals.add(request);
            if (silent) {
                return;
            }
            if (request.path().endsWith("/events")) { // mdnp's /v1/events, Docker's /v1.41/events
                Stream stream = streams.poll();
                if (stream != null) {
                    writeStream(connection, stream);
                    return;
                }
                write(connection, new Reply(503, "application/json", "{\"Err\":\"no stream scripted\"}"));
                return;
            }
            write(connection, replies.getOrDefault(request.path(),
                    new Reply(404, "application/json", "{\"message\":\"no such path " + request.path()
                            + "\",\"Err\":\"no such path " + request.path() + "\"}")));
        } catch (IOException clientWentAway) {
            closeQuietly(connection);
        }
    }

    private void write(SocketChannel connection, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + reply.status() + " Stub\r\n"
                + "Content-Type: " + reply.contentType() + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        writeAll(connection, head.getBytes(StandardCharsets.US_ASCII));
        writeAll(connection, body);
        closeQuietly(connection);
    }

    private void writeStream(SocketChannel connection, Stream stream) throws IOException {
        String head = "HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/event-stream\r\n"
                + "Cache-Control: no-cache\r\n"
                + (stream.run().isEmpty() ? "" : "Mdnp-Started-At: " + stream.run() + "\r\n")
                + "Connection: close\r\n\r\n";
        writeAll(connection, head.getBytes(StandardCharsets.US_ASCII));
        for (String chunk : stream.chunks()) {
            writeAll(connection, chunk.getBytes(StandardCharsets.UTF_8));
        }
        if (!stream.hold()) {
            closeQuietly(connection);
        }
    }

    private static void writeAll(SocketChannel connection, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            connection.write(out);
        }
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
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return new Request(requestLine[0], requestLine[1], Map.copyOf(headers));
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
     * @param headers the headers, names in lower case
     */
    public record Request(String method, String target, Map<String, String> headers) {

        /** Returns the path without the query. */
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** Returns the query, percent-decoded; {@code ""} when there is none. */
        public String decodedQuery() {
            int query = target.indexOf('?');
            return query < 0 ? "" : URLDecoder.decode(target.substring(query + 1), StandardCharsets.UTF_8);
        }

        /** Returns a header's value, {@code ""} when absent. */
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private record Reply(int status, String contentType, String body) {
    }

    /** A scripted event stream; {@code run} is the {@code Mdnp-Started-At} header, none when empty. */
    private record Stream(List<String> chunks, boolean hold, String run) {
    }
}
