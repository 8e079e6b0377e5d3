package dev.mdnp.daemon.inspect;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A test client of {@code /v1/events}: sends the GET, checks the reply head, then decodes the chunked body and splits
 * it into Server-Sent Event frames. Reads block; a JUnit timeout interrupts them. Not thread-safe.
 */
final class EventStreamClient implements AutoCloseable {

    /** One SSE frame; {@code id} and {@code event} are "" when absent, comments are skipped. */
    record Frame(String id, String event, String data) {
        long seq() {
            return Long.parseLong(id);
        }
    }

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024).flip();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int bodyRead;
    private int chunkLeft;
    private final String status;
    private final Map<String, String> headers = new HashMap<>();

    private EventStreamClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.status = readLine();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
    }

    /** Connects, sends {@code GET path} with the extra headers and reads the reply head. */
    static EventStreamClient open(Path socket, String path, String... headers) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: mdnp\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        ByteBuffer out = ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        return new EventStreamClient(channel);
    }

    /** Returns the status line. */
    String status() {
        return status;
    }

    /** Returns a header of the reply, {@code ""} when it has none. */
    String header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** Reads the next frame that has data (the {@code retry:} prologue and keepalives are skipped). */
    Frame next() throws IOException {
        String id = "";
        String event = "";
        StringBuilder data = new StringBuilder();
        while (true) {
            String line = bodyLine();
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    return new Frame(id, event, data.toString());
                }
                continue;
            }
            if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data.append(line.substring(6));
            }
        }
    }

    /** Reads frames until one with id {@code seq} (inclusive). */
    List<Frame> until(long seq) throws IOException {
        List<Frame> frames = new ArrayList<>();
        Frame frame;
        do {
            frame = next();
            frames.add(frame);
        } while (frame.seq() < seq);
        return frames;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private String bodyLine() throws IOException {
        while (true) {
            byte[] bytes = body.toByteArray();
            for (int i = bodyRead; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, bodyRead, i - bodyRead, StandardCharsets.UTF_8);
                    bodyRead = i + 1;
                    if (bodyRead > 1 << 20) {
                        body.reset();
                        body.write(bytes, bodyRead, bytes.length - bodyRead);
                        bodyRead = 0;
                    }
                    return line;
                }
            }
            readChunk();
        }
    }

    private void readChunk() throws IOException {
        if (chunkLeft == 0) {
            String size = readLine();
            if (size.isEmpty()) {
                size = readLine();
            }
            chunkLeft = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
            if (chunkLeft == 0) {
                throw new EOFException("event stream ended");
            }
        }
        if (!in.hasRemaining() && !fill()) {
            throw new EOFException("connection closed inside a chunk");
        }
        int n = Math.min(in.remaining(), chunkLeft);
        body.write(in.array(), in.arrayOffset() + in.position(), n);
        in.position(in.position() + n);
        chunkLeft -= n;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (in.hasRemaining() || fill()) {
            byte b = in.get();
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new EOFException("connection closed");
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
