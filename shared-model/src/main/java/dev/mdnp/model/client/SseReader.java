package dev.mdnp.model.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads Server-Sent Events from a byte stream, as the HTML Living Standard's "event stream interpretation" says:
 * lines end in CR LF, LF or CR; a line starting with a colon is a comment (a heartbeat); {@code data} lines of one
 * message are joined with LF; an empty line dispatches the message; a message without data is not dispatched; a
 * message cut off by the end of the stream is dropped; the last event id persists across messages.
 *
 * <p>Not thread-safe: one subscription thread owns it. It does not close the stream.
 */
final class SseReader {

    /** A guard against a peer that never ends a line. */
    private static final int MAX_LINE_BYTES = 8 << 20;
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final char BOM = '\uFEFF';

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean afterCr;
    private boolean firstLine = true;
    private String lastEventId = "";

    SseReader(InputStream in) {
        this.in = in;
    }

    /**
     * Returns the next dispatched message, or {@code null} at the end of the stream.
     *
     * @throws IOException if reading fails or a line exceeds 8 MiB
     */
    @Nullable SseMessage next() throws IOException {
        StringBuilder data = null;
        String event = "";
        while (true) {
            String text = readLine();
            if (text == null) {
                return null;
            }
            if (text.isEmpty()) {
                if (data != null) {
                    return new SseMessage(event.isEmpty() ? "message" : event, data.toString(), lastEventId);
                }
                event = "";
                continue;
            }
            if (text.charAt(0) == ':') {
                continue;
            }
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data":
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                    break;
                case "event":
                    event = value;
                    break;
                case "id":
                    if (value.indexOf('\0') < 0) {
                        lastEventId = value;
                    }
                    break;
                default:
                    // "retry" and unknown fields: the client keeps its own backoff.
                    break;
            }
        }
    }

    /** Returns the last event id the stream set, {@code ""} before the first. */
    String lastEventId() {
        return lastEventId;
    }

    private @Nullable String readLine() throws IOException {
        line.reset();
        while (true) {
            int b = in.read();
            if (b == -1) {
                // A line without its end is part of a message the stream cut off: it is dropped with it.
                return null;
            }
            if (afterCr) {
                afterCr = false;
                if (b == LF) {
                    continue;
                }
            }
            if (b == CR) {
                afterCr = true;
                return decoded();
            }
            if (b == LF) {
                return decoded();
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("event stream line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    private String decoded() {
        String text = line.toString(StandardCharsets.UTF_8);
        if (firstLine) {
            firstLine = false;
            if (!text.isEmpty() && text.charAt(0) == BOM) {
                return text.substring(1);
            }
        }
        return text;
    }

    /**
     * One dispatched message.
     *
     * @param event its {@code event} field, {@code message} when it had none
     * @param data its {@code data} lines joined with LF
     * @param lastEventId the stream's last event id when it was dispatched, {@code ""} when none was set
     */
    record SseMessage(String event, String data, String lastEventId) {
    }
}
