package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mdnp.model.inspect.InspectEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Encodes events as Server-Sent Events frames ({@code id}, {@code event} kind, {@code data} JSON, blank line). With
 * several streams, each event is encoded once for all of them: the frames of recent events are kept in a small ring,
 * so a second follower of {@code /v1/events} costs no second JSON encoding of the same event. A lone stream has its
 * batch encoded straight into its buffer and nothing kept: a kept frame outlives a young collection and is copied by
 * it, which cost a lone follower more than the encoding the ring saves it. A {@link InspectEvent.Lost}, which each
 * reader gets for itself, is encoded every time.
 *
 * <p>Thread-safe without a lock: two streams that need the same frame at once may both encode it, which yields the
 * same bytes; the ring only ever holds complete entries.
 */
final class SseFrames {

    /** Enough for a typical call's frame, so that encoding one for the ring rarely grows its buffer. */
    private static final int FRAME_SIZE_HINT = 1024;
    private static final String FRAME_END = "\n\n";

    private final ObjectWriter writer;
    private final AtomicReferenceArray<Entry> recent;

    /**
     * Creates an empty cache.
     *
     * @param writer encodes an {@link InspectEvent} as JSON on one line
     * @param capacity how many recent frames it keeps, at least 1
     */
    SseFrames(ObjectWriter writer, int capacity) {
        // Frames follow each other in one generator: no flush after each.
        this.writer = requireNonNull(writer, "writer").without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        if (capacity < 1) {
            throw new IllegalArgumentException("frame cache capacity must be at least 1: " + capacity);
        }
        this.recent = new AtomicReferenceArray<>(capacity);
    }

    /**
     * Appends the events' frames, UTF-8, to {@code out}, in order.
     *
     * @param shared whether other streams send the same events now: then each frame is kept for them, or taken from
     *     the ring when one of them encoded it already; otherwise the batch is encoded in one go, straight into
     *     {@code out}, and nothing is kept
     */
    void appendAll(List<InspectEvent> events, ByteArrayOutputStream out, boolean shared) throws IOException {
        if (shared) {
            for (InspectEvent event : events) {
                out.write(frame(event));
            }
        } else {
            encode(events, out);
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
        if (event instanceof InspectEvent.FirewallRepaired) {
            return "firewall";
        }
        return "lost";
    }

    private byte[] encode(InspectEvent event) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(FRAME_SIZE_HINT);
        encode(List.of(event), frame);
        return frame.toByteArray();
    }

    /**
     * Writes the frames into {@code out} through one generator and one sequence writer: the JSON goes straight from
     * the generator's buffer, and the generator, its buffers and the serializers found are set up once per batch
     * instead of once per event.
     */
    private void encode(List<InspectEvent> events, OutputStream out) throws IOException {
        try (JsonGenerator generator = writer.createGenerator(out);
                SequenceWriter values = writer.writeValues(generator)) {
            generator.setRootValueSeparator(null); // the frame's own lines separate the values, not a space
            for (InspectEvent event : events) {
                generator.writeRaw("id: ");
                generator.writeRaw(Long.toString(event.seq()));
                generator.writeRaw("\nevent: ");
                generator.writeRaw(kind(event));
                generator.writeRaw("\ndata: ");
                values.write(event);
                generator.writeRaw(FRAME_END);
            }
        }
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
