package dev.mdnp.daemon.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal HTTP/1.1 client over one keep-alive UNIX-socket connection, as Docker's plugin client uses it: POST with
 * Content-Length, no Content-Type. It can also send raw bytes, for malformed requests, partial requests, pipelining,
 * half-close and {@code Expect: 100-continue}. {@code java.net.http} cannot speak over a UNIX socket.
 *
 * <p>Reads and writes go straight to the channel, so one thread may write while another reads (the streams of
 * {@code java.nio.channels.Channels} would serialize them on the channel's blocking lock). Otherwise not thread-safe.
 * A blocked read has no timeout of its own; a JUnit timeout interrupts it, which closes the channel.
 */
public final class UnixHttpClient implements AutoCloseable {
    // After a reply with Connection: close (mdnp's plugin API serves one call per connection) the next request goes
    // on a new connection, as an HTTP client does.

    private final Path path;
    private SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024).flip();
    private boolean closeRequested;

    private UnixHttpClient(Path path, SocketChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Connects to the socket at {@code path}; fails if nobody listens there. */
    public static UnixHttpClient connect(Path path) throws IOException {
        return new UnixHttpClient(path, open(path));
    }

    private static SocketChannel open(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /** Builds a minimal request ({@code Host: mdnp}, the extra headers, a {@code Content-Length} body). */
    public static byte[] request(String method, String path, byte[] body, String... extraHeaders) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: mdnp\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        return request.toByteArray();
    }

    /** Sends {@code POST path} with the given body as Docker does, and reads the reply (see {@link #send}). */
    public Reply post(String path, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: plugin.moby.localhost\r\n"
                + "User-Agent: Go-http-client/1.1\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "Accept: application/vnd.docker.plugins.v1.2+json\r\n"
                + "Accept-Encoding: gzip\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(bytes);
        return exchange(request.toByteArray());
    }

    /** Writes raw bytes and reads one reply. */
    public Reply exchange(byte[] raw) throws IOException {
        send(raw);
        return readReply();
    }

    /** Writes raw bytes completely without reading anything; first reconnects if the last reply closed. */
    public void send(byte[] raw) throws IOException {
        if (closeRequested) {
            channel.close();
            channel = open(path);
            in.clear().flip();
            closeRequested = false;
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Writes ASCII text completely without reading anything. */
    public void send(String ascii) throws IOException {
        send(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** Half-closes: the server sees end of input, and the client can still read. */
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /**
     * Reads one reply, interim {@code 1xx} replies included: status line, headers, and a Content-Length or chunked
     * body (none for {@code 1xx}, {@code 204} and {@code 304}).
     */
    public Reply readReply() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed before a reply");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not a status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        byte[] body;
        if (status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", ""))) {
            body = readChunked();
        } else {
            body = readExactly(Integer.parseInt(headers.getOrDefault("Content-Length", "0")));
        }
        closeRequested = "close".equalsIgnoreCase(headers.getOrDefault("Connection", ""));
        return new Reply(status, Collections.unmodifiableMap(headers), body);
    }

    /** Reads until the server closes; returns what came, empty if the server closed without a byte. */
    public byte[] readToEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            out.write(in.array(), in.position(), in.remaining());
            in.position(in.limit());
        } while (fill());
        return out.toByteArray();
    }

    /** Returns true when the server has closed the connection (a read sees end of stream). */
    public boolean isClosedByPeer() throws IOException {
        return !in.hasRemaining() && !fill();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                    // Trailers are skipped.
                }
                return body.toByteArray();
            }
            body.writeBytes(readExactly(size));
            readLine();
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] result = new byte[length];
        int done = 0;
        while (done < length) {
            if (!in.hasRemaining() && !fill()) {
                throw new EOFException("connection closed after " + done + " of " + length + " body bytes");
            }
            int n = Math.min(in.remaining(), length - done);
            in.get(result, done, n);
            done += n;
        }
        return result;
    }

    /** Reads one line without its CR LF; returns null at end of stream before any byte of it. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (in.hasRemaining() || fill()) {
            byte b = in.get();
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.US_ASCII);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private boolean fill() throws IOException {
        in.compact();
        try {
            return channel.read(in) >= 0;
        } finally {
            in.flip();
        }
    }

    /**
     * One HTTP reply.
     *
     * @param status the status code
     * @param headers the headers, names case-insensitive
     * @param bodyBytes the body after chunked decoding
     */
    public record Reply(int status, Map<String, String> headers, byte[] bodyBytes) {

        /** Returns the body as UTF-8 text. */
        public String body() {
            return new String(bodyBytes, StandardCharsets.UTF_8);
        }

        /** Returns the value of a header, or "" when absent. */
        public String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }
}
