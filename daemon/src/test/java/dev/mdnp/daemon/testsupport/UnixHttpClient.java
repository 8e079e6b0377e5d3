package dev.mdnp.daemon.testsupport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal HTTP/1.1 client over one keep-alive UNIX-socket connection, as Docker's plugin client uses it: POST with
 * Content-Length, no Content-Type. It can also send raw bytes, for malformed requests. Not thread-safe.
 */
public final class UnixHttpClient implements AutoCloseable {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private UnixHttpClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel));
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel));
    }

    /** Connects to the socket at {@code path}. */
    public static UnixHttpClient connect(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(path));
        return new UnixHttpClient(channel);
    }

    /** Sends {@code POST path} with the given body as Docker does, and reads the reply. */
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

    /** Writes raw bytes without reading anything. */
    public void send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Reads one reply: status line, headers, and a Content-Length or chunked body. */
    public Reply readReply() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed before a reply");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", ""))) {
            body = readChunked();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("Content-Length", "0")));
        }
        return new Reply(status, Collections.unmodifiableMap(headers), new String(body, StandardCharsets.UTF_8));
    }

    /** Returns true when the server has closed the connection (a read sees end of stream). */
    public boolean isClosedByPeer() throws IOException {
        return in.read() < 0;
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
                throw new IOException("connection closed inside a chunked body");
            }
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                readLine();
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.US_ASCII);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    /**
     * One HTTP reply.
     *
     * @param status the status code
     * @param headers the headers, names case-insensitive
     * @param body the body as UTF-8 text
     */
    public record Reply(int status, Map<String, String> headers, String body) {

        /** Returns the value of a header, or "" when absent. */
        public String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }
}
