package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.mdnp.model.inspect.InspectEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Encodes events as Server-Sent Events frames ({@code id}, {@code event} kind, {@code data} JSON, blank line). With
 * several streams, each event is encoded once for all of them: the frames of recent events are kept in a small ring,
 * so a second follower of {@code /v1/events} costs no second JSON encoding of the same event. A lone stream has the
 * frame written straight into its buffer and nothing kept: a kept frame outlives a young collection and is copied by
 * it, which cost a lone follower more than the encoding the ring saves it. A {@link InspectEvent.Lost}, which each
 * reader gets for itself, is encoded every time.
 *
 * <p>Thread-safe without a lock: two streams that need the same frame at once may both encode it, which yields the
 * same bytes; the ring only ever holds complete entries.
 */
final class SseFrames {

    /** Enough for a typical call's frame, so that encoding one for the ring rarely grows its buffer. */
    private static final int FRAME_SIZE_HINT = 1024;
    private static final byte[] FRAME_END = {'\n', '\n'};

    private final ObjectWriter writer;
    private final AtomicReferenceArray<Entry> recent;

    /**
     * Creates an empty cache.
     *
     * @param writer encodes an {@link InspectEvent} as JSON on one line
     * @param capacity how many recent frames it keeps, at least 1
     */
    SseFrames(ObjectWriter writer, int capacity) {
        this.writer = requireNonNull(writer, "writer");
        if (capacity < 1) {
            throw new IllegalArgumentException("frame cache capacity must be at least 1: " + capacity);
        }
        this.recent = new AtomicReferenceArray<>(capacity);
    }

    /**
     * Appends the event's frame, UTF-8, to {@code out}.
     *
     * @param shared whether other streams send the same events now: then the frame is kept for them, or taken from
     *     the ring when one of them encoded it already
     */
    void append(InspectEvent event, ByteArrayOutputStream out, boolean shared) throws IOException {
        if (shared && !(event instanceof InspectEvent.Lost)) {
            out.write(frame(event));
        } else {
            encode(event, out);
        }
    }

    /** Returns the event's frame, UTF-8, kept for the other streams; the caller must not change the array. */
    byte[] frame(InspectEvent event) throws IOException {
        if (event instanceof InspectEvent.Lost) {
            return encode(event);
        }
        int slot = (int) (event.seq() % recent.length());
        Entry entry = recent.get(slot);
        if (entry != null && entry.event == event) { // the very event, not one with an equal seq from a reader's view
            return entry.frame;
        }
        byte[] frame = encode(event);
        recent.set(slot, new Entry(event, frame));
        return frame;
    }

    /** Returns the kind an event is sent as, the SSE {@code event} field. */
    static String kind(InspectEvent event) {
        if (event instanceof InspectEvent.Request) {
            return "request";
        }
        if (event instanceof InspectEvent.StateChange) {
            return "state";
        }
        if (event instanceof InspectEvent.LinkChange) {
            return "link";
        }
        return "lost";
    }

    private byte[] encode(InspectEvent event) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(FRAME_SIZE_HINT);
        encode(event, frame);
        return frame.toByteArray();
    }

    /** Writes the frame into {@code out}: the JSON goes straight from the generator's buffer, with no copy between. */
    private void encode(InspectEvent event, ByteArrayOutputStream out) throws IOException {
        out.write(("id: " + event.seq() + "\nevent: " + kind(event) + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        writer.writeValue(out, event); // closes the stream it writes to, which for a ByteArrayOutputStream does nothing
        out.write(FRAME_END);
    }

    /** One kept frame and the event it encodes. */
    private static final class Entry {
        private final InspectEvent event;
        private final byte[] frame;

        private Entry(InspectEvent event, byte[] frame) {
            this.event = event;
            this.frame = frame;
        }
    }
}
