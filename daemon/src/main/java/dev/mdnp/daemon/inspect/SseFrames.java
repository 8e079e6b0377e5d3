package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.mdnp.model.inspect.InspectEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Encodes events as Server-Sent Events frames ({@code id}, {@code event} kind, {@code data} JSON, blank line), each
 * event once for all the streams that send it: the frames of recent events are kept in a small ring, so a second
 * follower of {@code /v1/events} costs no second JSON encoding of the same event. A {@link InspectEvent.Lost},
 * which each reader gets for itself, is encoded every time.
 *
 * <p>Thread-safe without a lock: two streams that need the same frame at once may both encode it, which yields the
 * same bytes; the ring only ever holds complete entries.
 */
final class SseFrames {

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

    /** Returns the event's frame, UTF-8; the caller must not change the array. */
    byte[] frame(InspectEvent event) throws JsonProcessingException {
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

    private byte[] encode(InspectEvent event) throws JsonProcessingException {
        byte[] head = ("id: " + event.seq() + "\nevent: " + kind(event) + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        byte[] json = writer.writeValueAsBytes(event);
        byte[] frame = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(json, 0, frame, head.length, json.length);
        frame[frame.length - 2] = '\n';
        frame[frame.length - 1] = '\n';
        return frame;
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
