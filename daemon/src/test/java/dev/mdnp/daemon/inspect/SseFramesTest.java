package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.json.JsonMappers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFramesTest {

    private final ObjectMapper mapper = JsonMappers.create();
    private final SseFrames frames = new SseFrames(mapper.writerFor(InspectEvent.class), 8);

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    @Test
    void aFrameIsTheIdTheKindAndTheEventAsJsonOnOneDataLine() throws Exception {
        InspectEvent event = new InspectEvent.Request(3, Records.call("NetworkDriver.Join", "line\nbreak"));

        String frame = text(frames.frame(event));

        String json = mapper.writerFor(InspectEvent.class).writeValueAsString(event);
        assertThat(frame).isEqualTo("id: 3\nevent: request\ndata: " + json + "\n\n");
        assertThat(json).doesNotContain("\n");
        assertThat(mapper.readValue(json, InspectEvent.class)).isEqualTo(event);
    }

    @Test
    void eachKindIsNamedInTheEventField() throws Exception {
        assertThat(text(frames.frame(new InspectEvent.StateChange(1, "network-created", "n"))))
                .startsWith("id: 1\nevent: state\ndata: {");
        assertThat(text(frames.frame(new InspectEvent.Lost(4, 5)))).startsWith("id: 4\nevent: lost\ndata: {");
    }

    @Test
    void anEventIsEncodedOnceForAllTheStreamsThatSendIt() throws Exception {
        InspectEvent event = new InspectEvent.StateChange(5, "network-created", "n");

        byte[] first = frames.frame(event);

        assertThat(frames.frame(event)).isSameAs(first);
    }

    @Test
    void anotherEventWithTheSameNumberIsEncodedForItself() throws Exception {
        byte[] kept = frames.frame(new InspectEvent.StateChange(5, "network-created", "n"));

        byte[] other = frames.frame(new InspectEvent.StateChange(5, "network-deleted", "n"));

        assertThat(other).isNotSameAs(kept);
        assertThat(text(other)).contains("network-deleted");
    }

    @Test
    void aNewerEventInTheSameSlotReplacesTheOlderOne() throws Exception {
        InspectEvent older = new InspectEvent.StateChange(2, "network-created", "a");
        InspectEvent newer = new InspectEvent.StateChange(10, "network-created", "b");
        byte[] olderFrame = frames.frame(older);

        assertThat(text(frames.frame(newer))).startsWith("id: 10\n");
        assertThat(frames.frame(older)).isNotSameAs(olderFrame).isEqualTo(olderFrame);
    }

    @Test
    void aLossNoticeIsEncodedForEachReader() throws Exception {
        InspectEvent lost = new InspectEvent.Lost(9, 10);

        assertThat(frames.frame(lost)).isNotSameAs(frames.frame(lost)).isEqualTo(frames.frame(lost));
    }

    @Test
    void aLoneStreamGetsTheSameFramesWrittenStraightIntoItsBufferAndNothingIsKept() throws Exception {
        InspectEvent join = new InspectEvent.Request(6, Records.call("NetworkDriver.Join", "{}"));
        InspectEvent lost = new InspectEvent.Lost(6, 8);
        InspectEvent leave = new InspectEvent.Request(8, Records.call("NetworkDriver.Leave", "line\nbreak"));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.write('x');

        frames.appendAll(List.of(join, lost, leave), buffer, false);

        byte[] kept = frames.frame(join);
        assertThat(text(buffer.toByteArray()))
                .isEqualTo("x" + text(kept) + text(frames.frame(lost)) + text(frames.frame(leave)));
        assertThat(frames.frame(join)).isSameAs(kept); // encoded for the ring only when asked for it
    }

    @Test
    void sharedStreamsAppendTheFrameKeptForTheEvent() throws Exception {
        InspectEvent event = new InspectEvent.StateChange(7, "network-created", "n");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        frames.appendAll(List.of(event), first, true);
        byte[] kept = frames.frame(event);
        frames.appendAll(List.of(event), second, true);

        assertThat(first.toByteArray()).isEqualTo(kept).isEqualTo(second.toByteArray());
        assertThat(frames.frame(event)).isSameAs(kept);
    }

    @Test
    void aLossNoticeIsAppendedAsItsOwnFrameEvenWhenShared() throws Exception {
        InspectEvent lost = new InspectEvent.Lost(9, 10);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        frames.appendAll(List.of(lost), buffer, true);

        assertThat(buffer.toByteArray()).isEqualTo(frames.frame(lost));
    }
}
