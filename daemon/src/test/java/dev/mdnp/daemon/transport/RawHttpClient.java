package dev.mdnp.daemon.transport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a blocking JDK UNIX-domain {@link SocketChannel}, for tests that need to control
 * every byte: partial requests, pipelining, half-close, {@code Expect: 100-continue}. {@code java.net.http} cannot
 * speak over a UNIX socket.
 *
 * <p>Reads and writes go straight to the channel, so one thread may write while another reads (the streams of
 * {@code java.nio.channels.Channels} would serialize them on the channel's blocking lock). A blocked read has no
 * timeout of its own; the tests' JUnit timeout interrupts it, which closes the channel.
 */
final class RawHttpClient implements AutoCloseable {

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024).flip();

    private RawHttpClient(SocketChannel channel) {
        this.channel = channel;
    }

    /** Connects to the socket at {@code path}; fails if nobody listens there. */
    static RawHttpClient connect(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new RawHttpClient(channel);
    }

    /** Builds a request with a {@code Content-Length} body. */
    static byte[] request(String method, String path, byte[] body, String... extraHeaders) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: mdnp\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** Builds a POST with a UTF-8 body. */
    static byte[] post(String path, String body) {
        return request("POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the bytes completely. */
    void send(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Sends ASCII text completely. */
    void send(String ascii) throws IOException {
        send(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends a POST and reads its response. */
    RawHttpResponse exchange(String path, String body) throws IOException {
        send(post(path, body));
        return readResponse();
    }

    /** Half-closes: the server sees end of input, and the client can still read. */
    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** Reads one response, interim {@code 1xx} responses included. */
    RawHttpResponse readResponse() throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not a status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if (status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked();
        } else if (headers.containsKey("content-length")) {
            body = readExactly(Integer.parseInt(headers.get("content-length")));
        } else {
            body = readToEnd();
        }
        return new RawHttpResponse(status, headers, body);
    }

    /** Reads until the server closes; returns what came, empty if the server closed without a byte. */
    byte[] readToEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (fill()) {
            out.write(in.array(), in.position(), in.remaining());
            in.position(in.limit());
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine();
                } while (!trailer.isEmpty());
                return out.toByteArray();
            }
            out.writeBytes(readExactly(size));
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

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (!in.hasRemaining() && !fill()) {
                throw new EOFException("connection closed in a header line: " + line);
            }
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append(c);
        }
    }

    private boolean fill() throws IOException {
        in.compact();
        try {
            return channel.read(in) >= 0;
        } finally {
            in.flip();
        }
    }
}
